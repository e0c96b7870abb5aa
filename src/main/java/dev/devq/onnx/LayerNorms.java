package dev.devq.onnx;

import java.util.Arrays;

/**
 * The output shape of a LayerNormalization (opset 17+), its input's, once its axis and its Scale
 * and B are checked against the spec.
 *
 * <p>The spec normalizes X over axes {@code [axis, rank)} and then multiplies by Scale and adds B
 * with unidirectional broadcasting: each must broadcast to X without changing X's shape (its axes
 * aligned from the end, each of X's size or 1). A Scale of any other shape has no meaning; ONNX's
 * checker and onnxruntime refuse it, where devq used to describe the node as if it fit.
 */
final class LayerNorms {
  private LayerNorms() {}

  private static final String[] ROLES = {"", "Scale (input 1)", "B (input 2)"};

  static long[] shape(NodeView v) throws ImportFailure {
    long[] x = v.dims(0);
    int axis = v.axis(Attrs.i(v.node, "axis", -1), x.length);
    long[] normalized = Arrays.copyOfRange(x, axis, x.length);
    for (int i = 1; i < ROLES.length; i++) {
      if (v.has(i) && v.inputs.get(i).dims() != null) {
        fits(v, ROLES[i], v.dims(i), x, normalized);
      }
    }
    return x;
  }

  /** {@code by} broadcasts one way to {@code x}: at most its rank, each size x's or 1. */
  private static void fits(NodeView v, String role, long[] by, long[] x, long[] normalized)
      throws ImportFailure {
    boolean fits = by.length <= x.length;
    for (int i = 1; fits && i <= by.length; i++) {
      long size = by[by.length - i];
      fits = size == x[x.length - i] || size == 1;
    }
    if (fits) {
      return;
    }
    throw v.failure(
        role
            + " "
            + Arrays.toString(by)
            + " does not broadcast to the input "
            + Arrays.toString(x)
            + "; ONNX requires it to, aligned from the last axis, each size the input's or 1",
        "a layer norm over axes from "
            + (x.length - normalized.length)
            + " normally has a "
            + role.substring(0, role.indexOf(' '))
            + " of the normalized shape "
            + Arrays.toString(normalized));
  }
}
