package dev.devq.model;

import java.util.Map;
import java.util.Set;

/**
 * A layer whose output shape and work are written out rather than derived: {@code - explicit: {op:
 * batch_matmul, shape: '"12 197 197"', macs: 5976..., flops: ..., params: 0}}. {@code devq import}
 * writes one for each ONNX node the op rules cannot express (a reshape to an arbitrary shape, a
 * matmul of two activations, an op the catalog does not know), with the figures of its own shape
 * inference over the ONNX graph, so an imported model keeps every node as a layer and the shapes
 * after it stay right.
 */
final class ExplicitLayer {
  static final String KIND = "explicit";

  private ExplicitLayer() {}

  static LayerWork work(Args a, Set<String> catalogOps) {
    String op = a.symbol("op", "");
    if (!catalogOps.contains(op)) {
      throw new Formula.FormulaError("explicit layer op '" + op + "' is not an op of the catalog");
    }
    Shape out = shape(a.symbol("shape", ""));
    long macs = a.work("macs", 0);
    long flops = a.work("flops", 2 * macs);
    long params = a.work("params", 0);
    if (flops < 2 * macs) {
      throw new Formula.FormulaError(
          "flops " + flops + " are fewer than two per MAC (" + macs + ")");
    }
    return new LayerWork(op, out, macs, flops, params, 0, Map.of());
  }

  /** {@code "12 197 197"}: positive extents separated by spaces, at most 8 axes. */
  private static Shape shape(String text) {
    String[] parts = text.trim().split("\\s+");
    if (text.isBlank() || parts.length > ModelLimits.MAX_RANK) {
      throw new Formula.FormulaError(
          "explicit layer needs shape: '\"D1 D2 …\"' with 1 to "
              + ModelLimits.MAX_RANK
              + " extents, found '"
              + text
              + "'");
    }
    long[] dims = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        dims[i] = Long.parseLong(parts[i]);
      } catch (NumberFormatException e) {
        dims[i] = 0;
      }
      if (dims[i] <= 0) {
        throw new Formula.FormulaError(
            "explicit layer shape extents must be positive whole numbers, found '"
                + parts[i]
                + "'");
      }
    }
    return Shape.of(dims);
  }
}
