package dev.devq.onnx;

import dev.devq.onnx.proto.Onnx;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ONNX nodes written as catalog ops with arguments ({@code conv2d: {out: 64, kernel: 7, stride: 2,
 * pad: 3}}), whose shapes and work the model's op rules compute. Each returns null when the node
 * falls outside what those rules express (asymmetric padding, unequal strides, a transposed input),
 * and the node becomes an explicit layer instead.
 */
final class NativeLayers {
  private NativeLayers() {}

  /**
   * A Conv as {@code conv2d}, {@code depthwise_conv2d} or {@code pointwise_conv2d}; {@code
   * foldedBias}: a batch norm folded into it gives it a bias ({@link BatchNormFold}).
   */
  static Item conv(NodeView v, Planner p, boolean foldedBias) throws ImportFailure {
    long[] x = v.dims(0);
    Tensor w = v.in(1);
    if (x.length != 4 || w.activation() || w.dims() == null) {
      return null;
    }
    long[] k = {w.dims()[2], w.dims()[3]};
    long[] s = Convs.orOnes(Attrs.ints(v.node, "strides"), 2);
    long[] d = Convs.orOnes(Attrs.ints(v.node, "dilations"), 2);
    long[] pads = Attrs.ints(v.node, "pads");
    String auto = Attrs.s(v.node, "auto_pad", "NOTSET");
    if (pads == null) {
      pads = new long[4];
    }
    boolean symmetric = pads[0] == pads[2] && pads[1] == pads[3];
    if (!symmetric
        || s[0] != s[1]
        || d[0] != d[1]
        || !("NOTSET".equals(auto) || "VALID".equals(auto))) {
      return null;
    }
    long group = Attrs.i(v.node, "group", 1);
    long out = w.dims()[0];
    boolean bias = v.has(2) || foldedBias;
    Map<String, String> a = new LinkedHashMap<>();
    String kind;
    if (group == x[1] && out == x[1] && group > 1) {
      kind = "depthwise_conv2d";
    } else if (group == 1 && k[0] == 1 && k[1] == 1 && s[0] == 1 && pads[0] == 0 && pads[1] == 0) {
      kind = "pointwise_conv2d";
      a.put("out", Long.toString(out));
    } else {
      kind = "conv2d";
      a.put("out", Long.toString(out));
    }
    if (!"pointwise_conv2d".equals(kind)) {
      a.put("kernel", Long.toString(k[0]));
      if (k[1] != k[0]) {
        a.put("kernel_w", Long.toString(k[1]));
      }
      a.put("stride", Long.toString(s[0]));
      a.put("pad", Long.toString(pads[0]));
      // a kernel of its own width pads that width 'same' unless told otherwise
      if (pads[1] != pads[0] || k[1] != k[0]) {
        a.put("pad_w", Long.toString(pads[1]));
      }
      if (d[0] != 1) {
        a.put("dilation", Long.toString(d[0]));
      }
      if (group > 1 && !"depthwise_conv2d".equals(kind)) {
        a.put("groups", Long.toString(group));
      }
    }
    a.put("bias", Boolean.toString(bias));
    p.countWeights(v);
    return LayerMapping.item(
        v,
        p,
        kind,
        a,
        d[0] > 1 && "conv2d".equals(kind) ? "dilated_conv2d" : kind,
        v.node.getOutput(0));
  }

  static Item layerNorm(NodeView v, Planner p) throws ImportFailure {
    int rank = v.dims(0).length;
    if (v.axis(Attrs.i(v.node, "axis", -1), rank) != rank - 1) {
      return null;
    }
    return LayerMapping.simple(v, p, "layer_norm", Map.of("axis", "last"));
  }

  /** Gemm with a weight matrix: a linear layer (Y = X·Wᵀ + b as PyTorch exports nn.Linear). */
  static Item gemm(NodeView v, Planner p) throws ImportFailure {
    Tensor w = v.in(1);
    if (w.activation() || Attrs.i(v.node, "transA", 0) != 0 || v.has(2) && v.in(2).activation()) {
      return null;
    }
    boolean transB = Attrs.i(v.node, "transB", 0) == 1;
    long out = transB ? v.dims(1)[0] : v.dims(1)[1];
    return linear(v, p, out, v.has(2), v.node.getOutput(0));
  }

  /** MatMul by a 2-D weight, with the Add of a bias vector after it folded in. */
  static Item matmul(NodeView v, Planner p) throws ImportFailure {
    Tensor w = v.in(1);
    if (w.activation() || w.dims() == null || w.dims().length != 2 || v.dims(0).length < 2) {
      return null;
    }
    long out = w.dims()[1];
    String output = v.node.getOutput(0);
    Onnx.NodeProto add = p.foldableReader(output);
    boolean bias = false;
    if (add != null && "Add".equals(add.getOpType()) && add.getInputCount() == 2) {
      String other = add.getInput(0).equals(output) ? add.getInput(1) : add.getInput(0);
      Tensor b = p.tensor(other);
      if (b != null
          && !b.activation()
          && b.dims() != null
          && b.dims().length == 1
          && b.dims()[0] == out) {
        bias = true;
        p.absorb(add, output);
        NodeView both = v.with(java.util.List.of(v.inputs.get(0), w, b));
        p.countWeights(both);
      }
    }
    return linear(v, p, out, bias, output);
  }

  private static Item linear(NodeView v, Planner p, long out, boolean bias, String output) {
    p.countWeights(v);
    Map<String, String> a = new LinkedHashMap<>();
    a.put("out", Long.toString(out));
    a.put("bias", Boolean.toString(bias));
    return LayerMapping.item(v, p, "linear", a, "linear", output);
  }

  static Item pool(NodeView v, Planner p) throws ImportFailure {
    long[] x = v.dims(0);
    long[] k = Attrs.ints(v.node, "kernel_shape");
    long[] s = Convs.orOnes(Attrs.ints(v.node, "strides"), 2);
    long[] pads = Attrs.ints(v.node, "pads");
    long[] d = Convs.orOnes(Attrs.ints(v.node, "dilations"), 2);
    if (pads == null) {
      pads = new long[4];
    }
    boolean square =
        x.length == 4
            && k != null
            && k.length == 2
            && k[0] == k[1]
            && s[0] == s[1]
            && pads[0] == pads[1]
            && pads[1] == pads[2]
            && pads[2] == pads[3]
            && d[0] == 1
            && d[1] == 1;
    if (!square || !"NOTSET".equals(Attrs.s(v.node, "auto_pad", "NOTSET"))) {
      return null;
    }
    String kind = "MaxPool".equals(v.op()) ? "max_pool2d" : "avg_pool2d";
    Map<String, String> a = new LinkedHashMap<>();
    a.put("kernel", Long.toString(k[0]));
    a.put("stride", Long.toString(s[0]));
    a.put("pad", Long.toString(pads[0]));
    if (Attrs.i(v.node, "ceil_mode", 0) == 1) {
      a.put("ceil", "true");
    }
    return LayerMapping.item(v, p, kind, a, kind, v.node.getOutput(0));
  }

  /** Gather of token ids from a 2-D table: an embedding lookup ([1, S] ids → [S, dim]). */
  static Item embedding(NodeView v, Planner p) throws ImportFailure {
    Tensor table = v.in(0);
    long[] ids = v.dims(1);
    if (table.activation()
        || table.weight() == null
        || table.dims().length != 2
        || Attrs.i(v.node, "axis", 0) != 0
        || ids.length != 2
        || ids[0] != 1) {
      return null;
    }
    Map<String, String> a = new LinkedHashMap<>();
    a.put("vocab", Long.toString(table.dims()[0]));
    a.put("dim", Long.toString(table.dims()[1]));
    p.countWeights(v);
    Item base = LayerMapping.item(v, p, "embedding", a, "embedding", v.node.getOutput(0));
    // the ids, not the table, are the activation this layer reads
    return new Item(
        base.name(),
        base.kind(),
        base.args(),
        p.resolve(v.node.getInput(1)),
        java.util.List.of(),
        base.output(),
        base.op(),
        base.onnxOp(),
        false);
  }
}
