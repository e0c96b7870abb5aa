package dev.devq.onnx;

import dev.devq.model.ModelLimits;
import dev.devq.onnx.proto.Onnx;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns one ONNX node whose input is an activation into description layers. Where the model's op
 * rules compute the same shape and work (convolutions, linear layers, normalizations, pooling,
 * elementwise ops that keep the shape) the layer names the catalog op with its arguments, so the
 * description reads like a hand-written one and is costed the same way. Everything else (reshapes,
 * transposes, matmuls of two activations, gathers, ops the catalog does not know) becomes an {@code
 * explicit} layer carrying the shape and work of the importer's own inference.
 */
final class LayerMapping {
  /**
   * Catalog ops the op rules treat as shape-preserving elementwise work. Not add, mul or concat: in
   * a description those words join branches, so such nodes are written as explicit layers.
   */
  private static final Set<String> ELEMENTWISE =
      Set.of(
          "relu",
          "relu6",
          "leaky_relu",
          "gelu",
          "silu",
          "hardswish",
          "hardsigmoid",
          "sigmoid",
          "tanh",
          "elu",
          "mish",
          "softplus",
          "erf",
          "sqrt",
          "rsqrt",
          "exp",
          "log",
          "abs",
          "neg",
          "reciprocal",
          "floor",
          "round",
          "sin",
          "cos",
          "clip",
          "sub",
          "div",
          "pow",
          "maximum",
          "minimum");

  /** Ops that only move data: no arithmetic. */
  private static final Set<String> MOVES =
      Set.of(
          "Reshape",
          "Transpose",
          "Squeeze",
          "Unsqueeze",
          "Flatten",
          "Concat",
          "Split",
          "Slice",
          "Gather",
          "Expand",
          "Tile",
          "Pad",
          "DepthToSpace",
          "SpaceToDepth",
          "GatherElements",
          "GatherND");

  private LayerMapping() {}

  static List<Item> map(NodeView v, Planner p) throws ImportFailure {
    String op = v.op();
    Item native1 =
        switch (op) {
          case "Conv", "ConvTranspose" -> convolution(v, p);
          case "BatchNormalization" -> simple(v, p, "batch_norm", Map.of());
          case "LayerNormalization" -> NativeLayers.layerNorm(v, p);
          case "Gemm" -> NativeLayers.gemm(v, p);
          case "MatMul" -> NativeLayers.matmul(v, p);
          case "MaxPool", "AveragePool" -> NativeLayers.pool(v, p);
            // the catalog's global_avg_pool is 2-D ([C, H, W]): other ranks are written out
          case "GlobalAveragePool" ->
              v.dims(0).length == 4 ? simple(v, p, "global_avg_pool", Map.of()) : null;
          case "Gather" -> NativeLayers.embedding(v, p);
          case "Softmax" -> softmax(v, p);
          case "Clip" -> clip(v, p);
          case "Resize" -> Resizes.upsample(v, p);
          default -> {
            Item chain = ActivationChains.fold(v, p);
            yield chain != null ? chain : elementwise(v, p);
          }
        };
    if (native1 != null) {
      return List.of(native1);
    }
    List<Item> out = new ArrayList<>();
    for (int i = 0; i < v.node.getOutputCount(); i++) {
      if (p.tensor(v.node.getOutput(i)) != null) {
        out.add(explicit(v, p, i, out.isEmpty() ? p.newWeights(v) : 0));
      }
    }
    return out;
  }

  /**
   * A convolution, with the batch norm after it folded in ({@link BatchNormFold}): the catalog's
   * conv op where its rules express it, else an explicit layer.
   */
  private static Item convolution(NodeView v, Planner p) throws ImportFailure {
    boolean folded = BatchNormFold.into(v, p);
    Item layer = "Conv".equals(v.op()) ? NativeLayers.conv(v, p, folded) : null;
    if (layer != null) {
      return layer;
    }
    // a convolution without a bias of its own gains one per output channel from the batch norm
    long bias = folded && !v.has(2) ? p.tensor(v.node.getOutput(0)).dims()[1] : 0;
    return explicit(v, p, 0, p.newWeights(v) + bias);
  }

  static Item simple(NodeView v, Planner p, String kind, Map<String, String> args) {
    p.countWeights(v);
    return item(v, p, kind, args, kind, v.node.getOutput(0));
  }

  static Item item(
      NodeView v, Planner p, String kind, Map<String, String> args, String op, String output) {
    int first = Planner.firstActivation(v);
    List<String> others = new ArrayList<>();
    for (int i = 0; i < v.inputs.size(); i++) {
      if (i != first && v.has(i) && v.inputs.get(i).activation()) {
        others.add(p.resolve(v.node.getInput(i)));
      }
    }
    return new Item(
        layerName(v.node),
        kind,
        args,
        p.resolve(v.node.getInput(first)),
        others,
        output,
        op,
        v.op(),
        false);
  }

  static String layerName(Onnx.NodeProto node) {
    return node.getName().isEmpty() ? node.getOpType() + ":" + node.getOutput(0) : node.getName();
  }

  private static Item softmax(NodeView v, Planner p) throws ImportFailure {
    int rank = v.dims(0).length;
    return Shapes.softmaxAxis(v) == rank - 1
        ? simple(v, p, "softmax", Map.of("axis", "last"))
        : null;
  }

  /** Clip to [0, 6] is ReLU6 (how PyTorch exports it); other bounds stay a clip. */
  private static Item clip(NodeView v, Planner p) throws ImportFailure {
    double lo = v.has(1) ? v.scalar(1) : Attrs.f(v.node, "min", Float.NEGATIVE_INFINITY);
    double hi = v.has(2) ? v.scalar(2) : Attrs.f(v.node, "max", Float.POSITIVE_INFINITY);
    return simple(v, p, lo == 0 && hi == 6 ? "relu6" : "clip", Map.of());
  }

  /** Unary or broadcast-free binary elementwise ops with no learned weights. */
  private static Item elementwise(NodeView v, Planner p) {
    String id = p.catalog.ofOnnx(v.op());
    if (id == null || !ELEMENTWISE.contains(id)) {
      return null;
    }
    Tensor out = p.tensor(v.node.getOutput(0));
    Tensor first = v.inputs.get(Planner.firstActivation(v));
    for (Tensor t : v.inputs) {
      if (t != null && !t.activation() && t.weight() != null) {
        return null;
      }
    }
    if (!java.util.Arrays.equals(out.dims(), first.dims()) || !p.catalog.has(id)) {
      return null;
    }
    return simple(v, p, id, Map.of());
  }

  /** A layer with its shape and work written out: output {@code index} of the node. */
  static Item explicit(NodeView v, Planner p, int index, long params) throws ImportFailure {
    String id = catalogId(v, p);
    boolean unknown = id == null;
    String op = unknown ? "custom_layer" : id;
    long[] out = p.tensor(v.node.getOutput(index)).dims();
    long elements = v.elements(out, "the output");
    long macs = Work.macs(v, out);
    long flops =
        Math.max(
            v.times(2, macs, "the FLOPs"), MOVES.contains(v.op()) ? 0 : Work.flops(v, elements));
    Map<String, String> args = new LinkedHashMap<>();
    args.put("op", Description.textArg(op));
    args.put("shape", Description.textArg(Description.text(written(v, out))));
    if (macs > 0) {
      args.put("macs", Long.toString(macs));
    }
    args.put("flops", Long.toString(flops));
    if (params > 0) {
      args.put("params", Long.toString(params));
    }
    Item base = item(v, p, "explicit", args, op, v.node.getOutput(index));
    String name = v.node.getOutputCount() > 1 ? base.name() + ":" + index : base.name();
    return new Item(
        name,
        base.kind(),
        base.args(),
        base.input(),
        base.others(),
        base.output(),
        op,
        v.op(),
        unknown);
  }

  /**
   * An explicit layer's shape as the description writes it: a scalar as one element (a shape of no
   * axes did not load, and the import blamed itself), and at most {@link ModelLimits#MAX_RANK}
   * axes, refused naming the node past that.
   */
  private static long[] written(NodeView v, long[] out) throws ImportFailure {
    long[] shape = out.length == 0 ? new long[] {1} : Description.shape(out);
    if (shape.length > ModelLimits.MAX_RANK) {
      throw v.failure(
          "the output "
              + Arrays.toString(out)
              + " has "
              + out.length
              + " axes; a layer of a description has at most "
              + ModelLimits.MAX_RANK
              + " besides the batch");
    }
    return shape;
  }

  private static String catalogId(NodeView v, Planner p) throws ImportFailure {
    if ("MatMul".equals(v.op()) && p.catalog.has("batch_matmul")) {
      return "batch_matmul";
    }
    if ("Resize".equals(v.op())) {
      String id = Resizes.catalogOp(v, p);
      return id != null && p.catalog.has(id) ? id : null;
    }
    String id = p.catalog.ofOnnx(v.op());
    return id != null && p.catalog.has(id) ? id : null;
  }
}
