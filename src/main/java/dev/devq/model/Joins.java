package dev.devq.model;

import dev.devq.kb.Problems;
import dev.devq.kb.YamlNode;
import java.util.List;

/**
 * The shape where branches meet: concatenated along one axis, or added/multiplied elementwise. A
 * concat joins along {@code axis}: {@code channel} (the default: the first axis of [C, H, W], the
 * last of [S, C]), {@code first} or {@code last}.
 */
final class Joins {
  private Joins() {}

  static Shape shape(
      String how, String axisName, List<Shape> outputs, YamlNode at, Problems problems) {
    Shape first = outputs.get(0);
    if ("concat".equals(how)) {
      int axis =
          switch (axisName) {
            case "channel" -> first.rank() >= 3 ? 0 : first.rank() - 1;
            case "first" -> 0;
            case "last" -> first.rank() - 1;
            default -> -1;
          };
      if (axis < 0) {
        problems.error(
            at, "concat axis must be channel, first or last, found '" + axisName + "'", "");
        return null;
      }
      long total = 0;
      for (Shape s : outputs) {
        if (s.rank() != first.rank() || !s.with(axis, 1).equals(first.with(axis, 1))) {
          problems.error(
              at,
              "concat of mismatched shapes " + first + " and " + s,
              "only the " + axisName + " axis (" + axis + ") may differ");
          return null;
        }
        total += s.dim(axis);
      }
      return first.with(axis, total);
    }
    Shape result = first;
    for (Shape s : outputs.subList(1, outputs.size())) {
      Shape merged = broadcast(result, s);
      if (merged == null) {
        String what = "add".equals(how) ? "residual add" : "elementwise " + how;
        problems.error(
            at,
            what + " of mismatched shapes " + result + " and " + s,
            "the branches must produce the same shape (a projection shortcut may be missing)");
        return null;
      }
      result = merged;
    }
    return result;
  }

  /** Equal shapes, or one of them all ones on the axes where they differ (a [C,1,1] gate). */
  private static Shape broadcast(Shape a, Shape b) {
    if (a.equals(b)) {
      return a;
    }
    if (a.rank() != b.rank()) {
      return null;
    }
    long[] out = new long[a.rank()];
    for (int i = 0; i < a.rank(); i++) {
      long x = a.dim(i);
      long y = b.dim(i);
      if (x != y && x != 1 && y != 1) {
        return null;
      }
      out[i] = Math.max(x, y);
    }
    return Shape.of(out);
  }
}
