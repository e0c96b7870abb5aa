package dev.devq.onnx;

import com.google.protobuf.ByteString;
import dev.devq.onnx.proto.Onnx;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Seeded mutations of a real ONNX model at the protobuf level, the ways a hostile or damaged file
 * differs from a good one: a size set to 0, -1 or past 2^53; a shape value, an attribute or an
 * index set to an extreme; an input dropped; an op type swapped for another; the bytes cut short.
 * The same seed gives the same cases on every run.
 */
final class OnnxMutations {
  /**
   * One mutated file: what was changed (to name the case), its bytes, and the text its refusal must
   * hold, or empty when it may import or be refused.
   */
  record Mutant(String what, byte[] bytes, String refusal) {
    Mutant(String what, byte[] bytes) {
      this(what, bytes, "");
    }
  }

  /** Sizes a file may declare that no model has. */
  private static final long[] SIZES = {
    0, -1, 1, 1L << 31, (1L << 53) + 1, 1L << 62, Long.MAX_VALUE, 6148914691236517206L
  };

  /** Shape values, indexes and attributes at and past every bound. */
  private static final long[] EXTREMES = {
    0,
    -1,
    1,
    -2,
    3,
    1L << 24,
    (1L << 24) + 1,
    1L << 31,
    (1L << 53) + 1,
    1L << 62,
    -(1L << 62),
    Long.MAX_VALUE,
    Long.MIN_VALUE,
    6148914691236517206L
  };

  /** Float values past every range: scales, epsilons, alphas, Clip bounds. */
  private static final float[] FLOATS = {
    Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0, -0f, -1, 1e-30f, 1e30f, 0.5f
  };

  /** Attributes the ops read, added to a node whatever its op. */
  private static final String[] ATTRIBUTES = {
    "axis",
    "axes",
    "perm",
    "pads",
    "strides",
    "dilations",
    "kernel_shape",
    "group",
    "split",
    "output_padding",
    "output_shape",
    "blocksize",
    "keepdims",
    "start",
    "end",
    "to",
    "transA",
    "transB",
    "allowzero",
    "ceil_mode",
    "num_outputs",
    "noop_with_empty_axes",
    "largest",
    "k"
  };

  /** ONNX data types, the known ones and some that are not. */
  private static final int[] TYPES = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 16, 21, 99};

  /** Op types a node is swapped to: each reads its inputs and attributes in its own way. */
  private static final String[] OPS = {
    "Conv",
    "ConvTranspose",
    "Relu",
    "Add",
    "Mul",
    "Div",
    "Sub",
    "MatMul",
    "Gemm",
    "Reshape",
    "Transpose",
    "Concat",
    "Split",
    "Slice",
    "Gather",
    "Resize",
    "Pad",
    "Softmax",
    "Squeeze",
    "Unsqueeze",
    "Expand",
    "Tile",
    "Range",
    "ConstantOfShape",
    "Shape",
    "Size",
    "Where",
    "Einsum",
    "DepthToSpace",
    "SpaceToDepth",
    "TopK",
    "ReduceMean",
    "Flatten",
    "BatchNormalization",
    "MaxPool",
    "AveragePool",
    "GlobalAveragePool",
    "Cast",
    "LayerNormalization",
    "Erf",
    "Sigmoid",
    "QLinearConv",
    "QLinearMatMul",
    "Constant",
    "Identity",
    "ArgMax",
    "CumSum",
    "NoSuchOp"
  };

  private final Onnx.ModelProto model;
  private final Random random;

  OnnxMutations(Onnx.ModelProto model, long seed) {
    this.model = model;
    this.random = new Random(seed);
  }

  /** {@code count} mutants, each changed one or two ways, or cut short. */
  List<Mutant> next(int count) {
    List<Mutant> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(one());
    }
    return out;
  }

  private Mutant one() {
    var m = model.toBuilder();
    var g = m.getGraphBuilder();
    if (random.nextInt(10) == 0) {
      return truncated();
    }
    // one change, or two on the same model: a second one reaches what the first let through
    String what = change(g);
    if (random.nextInt(3) == 0) {
      what += "; " + change(g);
    }
    return new Mutant(what, m.build().toByteArray());
  }

  private String change(Onnx.GraphProto.Builder g) {
    if (g.getNodeCount() == 0) {
      return "no node left";
    }
    return switch (random.nextInt(11)) {
      case 0 -> attribute(g);
      case 1 -> integers(g);
      case 2 -> dims(g);
      case 3 -> dropInput(g);
      case 4 -> swapOp(g);
      case 5 -> floats(g);
      case 6 -> inputDims(g);
      case 7 -> rewire(g);
      case 8 -> addAttribute(g);
      case 9 -> dataType(g);
      default -> dropNode(g);
    };
  }

  private long pick(long[] values) {
    return values[random.nextInt(values.length)];
  }

  /** An INT or INTS attribute of some node set to an extreme. */
  private String attribute(Onnx.GraphProto.Builder g) {
    List<int[]> found = new ArrayList<>();
    for (int n = 0; n < g.getNodeCount(); n++) {
      for (int a = 0; a < g.getNode(n).getAttributeCount(); a++) {
        var attr = g.getNode(n).getAttribute(a);
        if (attr.getType() == Onnx.AttributeProto.AttributeType.INT || attr.getIntsCount() > 0) {
          found.add(new int[] {n, a});
        }
      }
    }
    if (found.isEmpty()) {
      return swapOp(g);
    }
    int[] at = found.get(random.nextInt(found.size()));
    var attr = g.getNodeBuilder(at[0]).getAttributeBuilder(at[1]);
    long value = pick(EXTREMES);
    if (attr.getIntsCount() > 0) {
      int k = random.nextInt(attr.getIntsCount());
      attr.setInts(k, value);
      return node(g, at[0]) + " attribute " + attr.getName() + "[" + k + "] = " + value;
    }
    attr.setI(value);
    return node(g, at[0]) + " attribute " + attr.getName() + " = " + value;
  }

  /**
   * One value of a small int64 initializer or Constant (a shape, axes, starts, indexes) set to an
   * extreme.
   */
  private String integers(Onnx.GraphProto.Builder g) {
    List<Onnx.TensorProto.Builder> found = new ArrayList<>();
    for (var t : g.getInitializerBuilderList()) {
      if (t.getDataType() == TensorData.INT64 && elements(t.getDimsList()) <= 64) {
        found.add(t);
      }
    }
    for (var n : g.getNodeBuilderList()) {
      for (var a : n.getAttributeBuilderList()) {
        if ("Constant".equals(n.getOpType())
            && a.hasT()
            && a.getT().getDataType() == TensorData.INT64
            && elements(a.getT().getDimsList()) <= 64) {
          found.add(a.getTBuilder());
        }
      }
    }
    found.removeIf(t -> !holds(t, 8, t.getInt64DataCount()));
    if (found.isEmpty()) {
      return dims(g);
    }
    var t = found.get(random.nextInt(found.size()));
    int k = random.nextInt((int) elements(t.getDimsList()));
    long value = pick(EXTREMES);
    set(t, raw -> raw.putLong(k * 8, value), () -> t.setInt64Data(k, value));
    return "int64 '" + t.getName() + "' value " + k + " = " + value;
  }

  /** Changes one value of {@code t}: in its raw bytes with {@code raw}, else with {@code typed}. */
  private static void set(Onnx.TensorProto.Builder t, Consumer<ByteBuffer> raw, Runnable typed) {
    if (t.hasRawData()) {
      byte[] bytes = t.getRawData().toByteArray();
      raw.accept(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN));
      t.setRawData(ByteString.copyFrom(bytes));
    } else {
      typed.run();
    }
  }

  /**
   * Whether {@code t} holds at least one value, as many as its dims say (a change before this one
   * may have made them disagree): in raw bytes of {@code width} each, or {@code typed} values.
   */
  private static boolean holds(Onnx.TensorProto.Builder t, int width, int typed) {
    long n = elements(t.getDimsList());
    return n > 0 && (t.hasRawData() ? t.getRawData().size() == n * width : typed == n);
  }

  private static long elements(List<Long> dims) {
    long n = 1;
    for (long d : dims) {
      if (d < 0 || d > 1 << 20) {
        return Long.MAX_VALUE;
      }
      n *= d;
    }
    return n;
  }

  /**
   * One value of a small float initializer or Constant (a scale, an epsilon, a Clip bound), or a
   * float attribute (an alpha), set to NaN, an infinity or an extreme.
   */
  private String floats(Onnx.GraphProto.Builder g) {
    float value = FLOATS[random.nextInt(FLOATS.length)];
    List<Onnx.TensorProto.Builder> found = new ArrayList<>();
    for (var t : g.getInitializerBuilderList()) {
      if (t.getDataType() == TensorData.FLOAT && elements(t.getDimsList()) <= 64) {
        found.add(t);
      }
    }
    List<Onnx.AttributeProto.Builder> attributes = new ArrayList<>();
    for (var n : g.getNodeBuilderList()) {
      for (var a : n.getAttributeBuilderList()) {
        if (a.hasT()
            && a.getT().getDataType() == TensorData.FLOAT
            && elements(a.getT().getDimsList()) <= 64) {
          found.add(a.getTBuilder());
        } else if (a.getType() == Onnx.AttributeProto.AttributeType.FLOAT) {
          attributes.add(a);
        }
      }
    }
    found.removeIf(t -> !holds(t, 4, t.getFloatDataCount()));
    if (!attributes.isEmpty() && (found.isEmpty() || random.nextBoolean())) {
      var a = attributes.get(random.nextInt(attributes.size()));
      a.setF(value);
      return "float attribute " + a.getName() + " = " + value;
    }
    if (found.isEmpty()) {
      return integers(g);
    }
    var t = found.get(random.nextInt(found.size()));
    int k = random.nextInt((int) elements(t.getDimsList()));
    set(t, raw -> raw.putFloat(k * 4, value), () -> t.setFloatData(k, value));
    return "float '" + t.getName() + "' value " + k + " = " + value;
  }

  /** A declared dimension of an initializer set to a size no model has. */
  private String dims(Onnx.GraphProto.Builder g) {
    List<Onnx.TensorProto.Builder> found = new ArrayList<>();
    for (var t : g.getInitializerBuilderList()) {
      if (t.getDimsCount() > 0) {
        found.add(t);
      }
    }
    if (found.isEmpty()) {
      return inputDims(g);
    }
    var t = found.get(random.nextInt(found.size()));
    int k = random.nextInt(t.getDimsCount());
    long value = pick(SIZES);
    t.setDims(k, value);
    return "initializer '" + t.getName() + "' dims[" + k + "] = " + value;
  }

  /** A dimension of the graph input, a value_info or an output set to a size no model has. */
  private String inputDims(Onnx.GraphProto.Builder g) {
    List<Onnx.ValueInfoProto.Builder> found = new ArrayList<>();
    for (var list :
        List.of(g.getInputBuilderList(), g.getValueInfoBuilderList(), g.getOutputBuilderList())) {
      for (var vi : list) {
        if (vi.getType().getTensorType().getShape().getDimCount() > 0) {
          found.add(vi);
        }
      }
    }
    if (found.isEmpty()) {
      return swapOp(g);
    }
    var vi = found.get(random.nextInt(found.size()));
    var shape = vi.getTypeBuilder().getTensorTypeBuilder().getShapeBuilder();
    int k = random.nextInt(shape.getDimCount());
    long value = pick(SIZES);
    shape.getDimBuilder(k).setDimValue(value);
    return "value '" + vi.getName() + "' dim " + k + " = " + value;
  }

  /** An input of a node removed, or left empty (an omitted optional input). */
  private String dropInput(Onnx.GraphProto.Builder g) {
    int n = random.nextInt(g.getNodeCount());
    var node = g.getNodeBuilder(n);
    if (node.getInputCount() == 0) {
      return swapOp(g);
    }
    int k = random.nextInt(node.getInputCount());
    String what = node(g, n) + " input " + k;
    if (random.nextBoolean()) {
      List<String> inputs = new ArrayList<>(node.getInputList());
      inputs.remove(k);
      node.clearInput().addAllInput(inputs);
      return what + " removed";
    }
    node.setInput(k, "");
    return what + " left empty";
  }

  private String swapOp(Onnx.GraphProto.Builder g) {
    int n = random.nextInt(g.getNodeCount());
    String op = OPS[random.nextInt(OPS.length)];
    String what = node(g, n) + " as " + op;
    g.getNodeBuilder(n).setOpType(op);
    return what;
  }

  /** An input of a node pointed at another tensor of the graph: a later one makes a cycle. */
  private String rewire(Onnx.GraphProto.Builder g) {
    int n = random.nextInt(g.getNodeCount());
    var node = g.getNodeBuilder(n);
    if (node.getInputCount() == 0) {
      return swapOp(g);
    }
    List<String> names = new ArrayList<>();
    g.getNodeList().forEach(x -> names.addAll(x.getOutputList()));
    g.getInitializerList().forEach(t -> names.add(t.getName()));
    g.getInputList().forEach(i -> names.add(i.getName()));
    int k = random.nextInt(node.getInputCount());
    String to = names.get(random.nextInt(names.size()));
    node.setInput(k, to);
    return node(g, n) + " input " + k + " reads '" + to + "'";
  }

  /** An attribute some op reads, added to a node with extreme values, one or a list. */
  private String addAttribute(Onnx.GraphProto.Builder g) {
    int n = random.nextInt(g.getNodeCount());
    String name = ATTRIBUTES[random.nextInt(ATTRIBUTES.length)];
    var a = Onnx.AttributeProto.newBuilder().setName(name);
    String what;
    if (random.nextBoolean()) {
      long value = pick(EXTREMES);
      a.setType(Onnx.AttributeProto.AttributeType.INT).setI(value);
      what = String.valueOf(value);
    } else {
      int count = random.nextInt(6);
      a.setType(Onnx.AttributeProto.AttributeType.INTS);
      for (int i = 0; i < count; i++) {
        a.addInts(random.nextBoolean() ? pick(EXTREMES) : random.nextInt(5) - 1);
      }
      what = a.getIntsList().toString();
    }
    var node = g.getNodeBuilder(n);
    List<Onnx.AttributeProto> kept = new ArrayList<>();
    node.getAttributeList().stream().filter(x -> !x.getName().equals(name)).forEach(kept::add);
    node.clearAttribute().addAllAttribute(kept).addAttribute(a);
    return node(g, n) + " attribute " + name + " = " + what;
  }

  /** An initializer or Constant tensor given another data type, its bytes as they were. */
  private String dataType(Onnx.GraphProto.Builder g) {
    List<Onnx.TensorProto.Builder> found = new ArrayList<>(g.getInitializerBuilderList());
    for (var node : g.getNodeBuilderList()) {
      for (var a : node.getAttributeBuilderList()) {
        if (a.hasT()) {
          found.add(a.getTBuilder());
        }
      }
    }
    if (found.isEmpty()) {
      return swapOp(g);
    }
    var t = found.get(random.nextInt(found.size()));
    int type = TYPES[random.nextInt(TYPES.length)];
    t.setDataType(type);
    return "tensor '" + t.getName() + "' of data type " + type;
  }

  private String dropNode(Onnx.GraphProto.Builder g) {
    int n = random.nextInt(g.getNodeCount());
    String what = node(g, n) + " removed";
    g.removeNode(n);
    return what;
  }

  private Mutant truncated() {
    byte[] whole = model.toByteArray();
    int length = random.nextInt(whole.length);
    return new Mutant("cut to " + length + " bytes", Arrays.copyOf(whole, length));
  }

  private static String node(Onnx.GraphProto.Builder g, int n) {
    var node = g.getNode(n);
    return "node " + n + " '" + node.getName() + "' (" + node.getOpType() + ")";
  }
}
