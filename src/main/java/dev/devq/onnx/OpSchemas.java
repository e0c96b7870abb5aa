package dev.devq.onnx;

import dev.devq.onnx.proto.Onnx;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the ONNX operator schemas require of a node before devq reads it: how many inputs its op
 * takes at the model's opset (and that a required one is not left empty), the attributes that op
 * has at that opset, and the values a few of them may take. A node that breaks one of these is
 * refused by ONNX's checker and by onnxruntime; devq used to read it anyway, taking the inputs it
 * found and the attributes it knew, and so described a model no runtime runs: an Add of three
 * inputs as their broadcast, a Squeeze at opset 13 by an {@code axes} attribute that op no longer
 * has.
 */
final class OpSchemas {
  private static final int MANY = Integer.MAX_VALUE;

  /**
   * An attribute an op has only from opset {@code since} until before {@code until}, and where its
   * value lives outside that range.
   */
  private record Versioned(
      Set<String> ops, String attribute, long since, long until, String instead) {}

  private static final Set<String> REDUCTIONS_FROM_18 =
      Set.of(
          "ReduceMean",
          "ReduceMax",
          "ReduceMin",
          "ReduceProd",
          "ReduceL1",
          "ReduceL2",
          "ReduceLogSum",
          "ReduceLogSumExp",
          "ReduceSumSquare");

  private static final List<Versioned> VERSIONED =
      List.of(
          new Versioned(Set.of("Split"), "split", 0, 13, "from opset 13 the sizes are input 1"),
          new Versioned(Set.of("Split"), "num_outputs", 18, MANY, "it was added in opset 18"),
          new Versioned(
              Set.of("Squeeze", "Unsqueeze"), "axes", 0, 13, "from opset 13 the axes are input 1"),
          new Versioned(Set.of("ReduceSum"), "axes", 0, 13, "from opset 13 the axes are input 1"),
          new Versioned(
              Set.of("ReduceSum"), "noop_with_empty_axes", 13, MANY, "it was added in opset 13"),
          new Versioned(REDUCTIONS_FROM_18, "axes", 0, 18, "from opset 18 the axes are input 1"),
          new Versioned(
              REDUCTIONS_FROM_18, "noop_with_empty_axes", 18, MANY, "it was added in opset 18"),
          new Versioned(Set.of("Pad"), "pads", 0, 11, "from opset 11 the pads are input 1"),
          new Versioned(Set.of("Pad"), "value", 0, 11, "from opset 11 the value is input 2"),
          new Versioned(
              Set.of("Clip"), "min", 0, 11, "from opset 11 the bounds are inputs 1 and 2"),
          new Versioned(
              Set.of("Clip"), "max", 0, 11, "from opset 11 the bounds are inputs 1 and 2"),
          new Versioned(Set.of("Resize"), "axes", 18, MANY, "it was added in opset 18"),
          new Versioned(
              Set.of("Resize"), "keep_aspect_ratio_policy", 18, MANY, "it was added in opset 18"),
          new Versioned(Set.of("Resize"), "antialias", 18, MANY, "it was added in opset 18"));

  /**
   * Attributes that are a yes or a no: 0 or 1, where a 2 was read one way here and another by ONNX.
   */
  private static final Set<String> FLAGS =
      Set.of(
          "keepdims",
          "transA",
          "transB",
          "allowzero",
          "ceil_mode",
          "noop_with_empty_axes",
          "training_mode",
          "fmod",
          "largest",
          "sorted",
          "select_last_index");

  /**
   * The type of each attribute devq reads, by name (the same in every op that has it): an {@code
   * axis} given as a list was read as its unset single value 0, and a Concat of channels became one
   * of batches.
   */
  private static final Map<String, Onnx.AttributeProto.AttributeType> TYPES = types();

  private static Map<String, Onnx.AttributeProto.AttributeType> types() {
    Map<String, Onnx.AttributeProto.AttributeType> out = new HashMap<>();
    for (String name :
        List.of("axis", "group", "blocksize", "to", "num_outputs", "start", "end", "value_int")) {
      out.put(name, Onnx.AttributeProto.AttributeType.INT);
    }
    FLAGS.forEach(name -> out.put(name, Onnx.AttributeProto.AttributeType.INT));
    for (String name :
        List.of(
            "axes",
            "perm",
            "pads",
            "strides",
            "dilations",
            "kernel_shape",
            "split",
            "output_padding",
            "output_shape",
            "value_ints")) {
      out.put(name, Onnx.AttributeProto.AttributeType.INTS);
    }
    for (String name : List.of("auto_pad", "mode", "equation", "keep_aspect_ratio_policy")) {
      out.put(name, Onnx.AttributeProto.AttributeType.STRING);
    }
    out.put("value_float", Onnx.AttributeProto.AttributeType.FLOAT);
    out.put("value_floats", Onnx.AttributeProto.AttributeType.FLOATS);
    return Map.copyOf(out);
  }

  private static final Set<String> WINDOWS =
      Set.of(
          "Conv",
          "ConvTranspose",
          "ConvInteger",
          "QLinearConv",
          "MaxPool",
          "AveragePool",
          "LpPool");

  private OpSchemas() {}

  /** Refuses {@code v}'s node where it breaks its op's schema at the model's opset. */
  static void check(NodeView v) throws ImportFailure {
    if (!standard(v.node)) {
      return;
    }
    if ("Upsample".equals(v.op())) {
      upsampleExists(v);
    }
    inputs(v);
    for (Versioned a : VERSIONED) {
      boolean present = a.ops().contains(v.op()) && Attrs.find(v.node, a.attribute()) != null;
      if (present && (v.opset < a.since() || v.opset >= a.until())) {
        throw v.failure(
            "attribute '"
                + a.attribute()
                + "' is not part of "
                + v.op()
                + " at opset "
                + v.opset
                + ": "
                + a.instead(),
            "ONNX and onnxruntime refuse an attribute the op does not have; re-export the model"
                + " at the opset it declares");
      }
    }
    for (Onnx.AttributeProto a : v.node.getAttributeList()) {
      typed(v, a);
    }
    choices(v);
    if ("Cast".equals(v.op())) {
      CastTypes.check(v);
    }
  }

  /**
   * ONNX deprecated Upsample at opset 10 in favour of Resize (Upsample-10 "has been deprecated
   * since version 10", docs/Operators.md and docs/Changelog.md), and a deprecated schema is no
   * schema: onnx.checker refuses the node ("Op registered for Upsample is deprecated in
   * domain_version of 10", check_node in checker.cc) and onnxruntime drops the schema when it
   * resolves the graph ("Upsample is not a registered function/op"). So it is refused, not read
   * with a warning; devq reads opsets from {@link OnnxReader#MIN_OPSET}, all past 10, so every
   * Upsample it meets is refused.
   */
  private static void upsampleExists(NodeView v) throws ImportFailure {
    if (v.opset >= 10) {
      throw v.failure(
          "Upsample does not exist at opset "
              + v.opset
              + ": ONNX deprecated it at opset 10, and ONNX's checker and onnxruntime refuse it",
          "use a Resize of the same scales (input 2) and mode, as exporters write from opset 10");
    }
  }

  /** An attribute devq reads, of the type ONNX gives it, and a flag 0 or 1. */
  private static void typed(NodeView v, Onnx.AttributeProto a) throws ImportFailure {
    var expected = TYPES.get(a.getName());
    if (expected != null && a.getType() != expected) {
      throw v.failure(
          "attribute '"
              + a.getName()
              + "' is of type "
              + a.getType()
              + "; ONNX gives it type "
              + expected,
          "an attribute's type is AttributeProto.type, which onnx.helper.make_attribute sets");
    }
    if (FLAGS.contains(a.getName()) && a.getI() != 0 && a.getI() != 1) {
      throw v.failure("attribute '" + a.getName() + "' is " + a.getI() + "; it is a flag, 0 or 1");
    }
  }

  /**
   * The node's input count within its op's range, and each required input named: an empty name
   * stands for an omitted optional input only.
   */
  private static void inputs(NodeView v) throws ImportFailure {
    int[] range = arity(v.op(), v.opset);
    if (range == null) {
      return;
    }
    int n = v.node.getInputCount();
    if (n < range[0] || n > range[1]) {
      throw v.failure(
          n
              + (n == 1 ? " input" : " inputs")
              + ", where "
              + v.op()
              + " at opset "
              + v.opset
              + " takes "
              + (range[0] == range[1]
                  ? String.valueOf(range[0])
                  : range[1] == MANY ? "at least " + range[0] : range[0] + " to " + range[1]));
    }
    int required = range[1] == MANY ? n : range[0];
    for (int i = 0; i < required; i++) {
      if (v.node.getInput(i).isEmpty()) {
        throw v.failure(
            "input "
                + i
                + " is left empty (''), which stands for an omitted optional input, but "
                + v.op()
                + " requires it");
      }
    }
  }

  /** {fewest, most} inputs of {@code op} at {@code opset}; null for an op devq leaves unchecked. */
  private static int[] arity(String op, long opset) {
    if (REDUCTIONS_FROM_18.contains(op)) {
      return opset < 18 ? range(1, 1) : range(1, 2);
    }
    return switch (op) {
      case "Constant" -> range(0, 0);
      case "MatMul",
              "Reshape",
              "Expand",
              "Tile",
              "Gather",
              "GatherElements",
              "GatherND",
              "CastLike",
              "TopK",
              "CumSum" ->
          range(2, 2);
      case "Where", "Range" -> range(3, 3);
      case "Max", "Min", "Sum", "Mean", "Concat", "Einsum" -> range(1, MANY);
      case "Conv", "ConvTranspose", "Gemm", "LayerNormalization" -> range(2, 3);
      case "ConvInteger", "MatMulInteger" -> range(2, 4);
      case "QLinearConv" -> range(8, 9);
      case "QLinearMatMul" -> range(8, 8);
      case "BatchNormalization" -> range(5, 5);
      case "InstanceNormalization", "GroupNormalization" -> range(3, 3);
      case "QuantizeLinear", "DequantizeLinear" -> range(2, 3);
      case "Clip" -> range(1, 3);
      case "Dropout" -> opset < 12 ? range(1, 1) : range(1, 3);
      case "Trilu" -> range(1, 2);
      case "Slice" -> range(3, 5);
      case "Pad" -> opset < 18 ? range(2, 3) : range(2, 4);
      case "Resize" -> opset < 13 ? range(3, 4) : range(1, 4);
      case "Split", "Squeeze", "ReduceSum" -> opset < 13 ? range(1, 1) : range(1, 2);
      case "Unsqueeze" -> opset < 13 ? range(1, 1) : range(2, 2);
      case "RMSNormalization" -> range(2, 3);
      case "Flatten",
              "Transpose",
              "Shape",
              "Size",
              "DepthToSpace",
              "SpaceToDepth",
              "MaxPool",
              "AveragePool",
              "LpPool",
              "GlobalAveragePool",
              "GlobalMaxPool",
              "GlobalLpPool",
              "ArgMax",
              "ArgMin",
              "ConstantOfShape",
              "NonZero" ->
          range(1, 1);
        // the other ops that keep their input's shape read that one input alone, and the other
        // broadcasting ops two
      default ->
          ShapeFamilies.SAME_SHAPE.contains(op)
              ? range(1, 1)
              : ShapeFamilies.BROADCAST.contains(op) ? range(2, 2) : null;
    };
  }

  private static int[] range(int fewest, int most) {
    return new int[] {fewest, most};
  }

  /**
   * String attributes that choose how an op computes its output's size: a value outside the spec's
   * list was read as the default (an {@code auto_pad} of {@code "same"} as explicit pads of 0), and
   * explicit {@code pads} beside an {@code auto_pad}, which ONNX forbids, were taken by devq's
   * shape inference and dropped by onnxruntime's.
   */
  private static void choices(NodeView v) throws ImportFailure {
    if (WINDOWS.contains(v.op())) {
      String auto =
          oneOf(v, "auto_pad", "NOTSET", List.of("NOTSET", "SAME_UPPER", "SAME_LOWER", "VALID"));
      if (!"NOTSET".equals(auto) && Attrs.find(v.node, "pads") != null) {
        throw v.failure(
            "has both pads and auto_pad "
                + auto
                + "; ONNX allows explicit pads only with auto_pad NOTSET",
            "keep one of them: runtimes disagree on which wins");
      }
    }
    switch (v.op()) {
      case "Pad" ->
          oneOf(
              v,
              "mode",
              "constant",
              v.opset < 19
                  ? List.of("constant", "reflect", "edge")
                  : List.of("constant", "reflect", "edge", "wrap"));
      case "Resize" -> {
        oneOf(v, "mode", "nearest", List.of("nearest", "linear", "cubic"));
        oneOf(
            v,
            "keep_aspect_ratio_policy",
            "stretch",
            List.of("stretch", "not_larger", "not_smaller"));
      }
      default -> {
        // no other op's string attribute changes its output's size
      }
    }
  }

  /** The string attribute {@code name}, one of {@code allowed} ({@code fallback} when absent). */
  private static String oneOf(NodeView v, String name, String fallback, List<String> allowed)
      throws ImportFailure {
    String value = Attrs.s(v.node, name, fallback);
    if (!allowed.contains(value)) {
      throw v.failure(
          "attribute "
              + name
              + " is '"
              + value
              + "'; "
              + v.op()
              + " at opset "
              + v.opset
              + " takes one of "
              + allowed);
    }
    return value;
  }

  /** Whether {@code node} is one {@link #check} would see as of the default domain. */
  static boolean standard(Onnx.NodeProto node) {
    return node.getDomain().isEmpty() || "ai.onnx".equals(node.getDomain());
  }
}
