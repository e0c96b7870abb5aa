package dev.devq.onnx;

import dev.devq.onnx.proto.Onnx;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded mutations of a real ONNX model that break an op's schema in a way ONNX's checker and
 * onnxruntime refuse, and that devq once read past, describing a model no runtime runs: a node put
 * right after the graph input that names an axis twice (Slice, Unsqueeze, Transpose), casts to no
 * type, has an input too many or a required one left empty, an attribute of another opset or of
 * another type, or sums along an axis past its rank (CumSum). Unlike {@link OnnxMutations}, whose
 * files may import or be refused, each of these must be refused, for the reason it was made ({@link
 * OnnxMutations.Mutant#refusal}): the new node reads the input, so it is the first node devq
 * describes, and the rest of the file is the valid export it was.
 */
final class OnnxSchemaMutations {
  /** Cast types no Cast of opsets 11 to 18 converts to. */
  private static final long[] NO_TYPE = {0, 99, -1, (1L << 32) + 1, 8, 14, 15, 17};

  private final Onnx.ModelProto model;
  private final Random random;

  OnnxSchemaMutations(Onnx.ModelProto model, long seed) {
    this.model = model;
    this.random = new Random(seed);
  }

  List<OnnxMutations.Mutant> next(int count) {
    List<OnnxMutations.Mutant> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(one());
    }
    return out;
  }

  private OnnxMutations.Mutant one() {
    var m = model.toBuilder();
    var g = m.getGraphBuilder();
    String input = input(g);
    int rank = rank(g, input);
    String moved = input + "_schema";
    // every reader of the input reads the new node's output instead
    for (var node : g.getNodeBuilderList()) {
      for (int i = 0; i < node.getInputCount(); i++) {
        if (node.getInput(i).equals(input)) {
          node.setInput(i, moved);
        }
      }
    }
    var added = Onnx.NodeProto.newBuilder().setName("schema").addOutput(moved).addInput(input);
    String what;
    String refusal;
    int axis = random.nextInt(rank);
    // the same axis, counted from the start or from the end
    long again = random.nextBoolean() ? axis : axis - rank;
    int kind = random.nextInt(10);
    // a Transpose of one axis has no second axis to name twice
    switch (kind == 2 && rank < 2 ? 4 : kind) {
      case 0 -> {
        String axes = constant(g, "schema_axes", axis, again);
        added
            .setOpType("Slice")
            .addInput(constant(g, "schema_starts", 0, 0))
            .addInput(constant(g, "schema_ends", 1, 1))
            .addInput(axes);
        what = "a Slice of axes [" + axis + ", " + again + "]";
        refusal = "twice";
      }
      case 1 -> {
        added.setOpType("Unsqueeze").addInput(constant(g, "schema_axes", axis, axis));
        what = "an Unsqueeze of axes [" + axis + ", " + axis + "]";
        refusal = "twice";
      }
      case 2 -> {
        var perm = Onnx.AttributeProto.newBuilder().setName("perm").setType(ints());
        for (int i = 0; i < rank; i++) {
          perm.addInts(i == 0 ? 1 : i);
        }
        added.setOpType("Transpose").addAttribute(perm);
        what = "a Transpose naming axis 1 twice";
        refusal = "twice";
      }
      case 3 -> {
        long to = NO_TYPE[random.nextInt(NO_TYPE.length)];
        added
            .setOpType("Cast")
            .addAttribute(
                Onnx.AttributeProto.newBuilder()
                    .setName("to")
                    .setType(Onnx.AttributeProto.AttributeType.INT)
                    .setI(to));
        what = "a Cast to type " + to;
        refusal = "attribute 'to' is " + to;
      }
      case 4 -> {
        added.setOpType("Relu").addInput(input);
        what = "a Relu of two inputs";
        refusal = "2 inputs, where Relu";
      }
      case 5 -> {
        added.setOpType("Add").addInput("");
        what = "an Add of the input and ''";
        refusal = "input 1 is left empty";
      }
      case 6 -> {
        // the exports are opset 17, where ReduceSum's axes are an input (since 13)
        added.setOpType("ReduceSum").addAttribute(list("axes", axis));
        what = "a ReduceSum with an axes attribute";
        refusal = "attribute 'axes' is not part of ReduceSum";
      }
      case 7 -> {
        added.setOpType("Concat").addInput(input).addAttribute(list("axis", axis));
        what = "a Concat whose axis is a list";
        refusal = "attribute 'axis' is of type INTS";
      }
      case 9 -> {
        // the spec's range is [-rank, rank - 1]
        long past = random.nextBoolean() ? rank : -rank - 1;
        added.setOpType("CumSum").addInput(constant(g, "schema_axis", past));
        what = "a CumSum over axis " + past;
        refusal = "axis " + past + " is out of range for rank " + rank;
      }
      default -> {
        added.setOpType("Clip").addInput("").addInput("").addInput("");
        what = "a Clip of four inputs";
        refusal = "4 inputs, where Clip";
      }
    }
    g.addNode(added);
    return new OnnxMutations.Mutant(what + " after the input", m.build().toByteArray(), refusal);
  }

  private static Onnx.AttributeProto list(String name, long... values) {
    return OnnxFixtures.ints(name, values);
  }

  private static Onnx.AttributeProto.AttributeType ints() {
    return Onnx.AttributeProto.AttributeType.INTS;
  }

  /** The graph input no initializer gives a value: the one devq describes. */
  private static String input(Onnx.GraphProto.Builder g) {
    List<String> initializers = new ArrayList<>();
    g.getInitializerList().forEach(t -> initializers.add(t.getName()));
    for (var vi : g.getInputList()) {
      if (!initializers.contains(vi.getName())) {
        return vi.getName();
      }
    }
    throw new IllegalStateException("the export has no graph input");
  }

  private static int rank(Onnx.GraphProto.Builder g, String input) {
    for (var vi : g.getInputList()) {
      if (vi.getName().equals(input)) {
        return vi.getType().getTensorType().getShape().getDimCount();
      }
    }
    throw new IllegalStateException("no input " + input);
  }

  /** An int64 initializer {@code name} of these values, added to the graph; its name. */
  private static String constant(Onnx.GraphProto.Builder g, String name, long... values) {
    g.addInitializer(OnnxFixtures.int64(name, values));
    return name;
  }
}
