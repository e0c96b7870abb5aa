package dev.devq.onnx;

/**
 * Folds elementwise arithmetic on small constants (shape arithmetic such as {@code seq * heads},
 * {@code dim / heads}). Inputs broadcast when one side is a single value or both have the output's
 * element count; integer division truncates, as ONNX does on int64 shapes. Integer constants are
 * computed exactly ({@link #ints}), with a sum or product past 2^63 refused naming the node: in
 * doubles, 2^53 + 1 − 2^53 came out 0, a plausible shape entry ("copy this axis").
 */
final class Elementwise {
  private Elementwise() {}

  static double[] values(NodeView v, int n) throws ImportFailure {
    if (v.inputs.size() != arity(v.op())) {
      return null;
    }
    double[][] in = new double[v.inputs.size()][];
    for (int i = 0; i < in.length; i++) {
      if (!v.has(i) || v.in(i).values() == null) {
        return null;
      }
      in[i] = v.in(i).values();
      if (in[i].length != 1 && in[i].length != n) {
        return null;
      }
    }
    double[] out = new double[n];
    for (int k = 0; k < n; k++) {
      Double r = one(v.op(), in, k);
      if (r == null) {
        return null;
      }
      out[k] = r;
    }
    return out;
  }

  /**
   * The exact values of {@code v}'s output when every input is an integer constant and the op is
   * one of integers (Sqrt, Floor and Ceil are not), else null.
   */
  static long[] ints(NodeView v, int n) throws ImportFailure {
    if (v.inputs.size() != arity(v.op())) {
      return null;
    }
    long[][] in = new long[v.inputs.size()][];
    for (int i = 0; i < in.length; i++) {
      if (!v.has(i) || v.in(i).ints() == null) {
        return null;
      }
      in[i] = v.in(i).ints();
      if (in[i].length != 1 && in[i].length != n) {
        return null;
      }
    }
    long[] out = new long[n];
    for (int k = 0; k < n; k++) {
      Long r = one(v, in, k);
      if (r == null) {
        return null;
      }
      out[k] = r;
    }
    return out;
  }

  private static double at(double[] a, int k) {
    return a.length == 1 ? a[0] : a[k];
  }

  private static long at(long[] a, int k) {
    return a.length == 1 ? a[0] : a[k];
  }

  private static Double one(String op, double[][] in, int k) {
    double a = at(in[0], k);
    double b = in.length > 1 ? at(in[1], k) : 0;
    return switch (op) {
      case "Add" -> a + b;
      case "Sub" -> a - b;
      case "Mul" -> a * b;
      case "Div" -> whole(a) && whole(b) && b != 0 ? (double) ((long) a / (long) b) : a / b;
      case "Mod" -> b == 0 ? null : a % b;
      case "Neg" -> -a;
      case "Sqrt" -> Math.sqrt(a);
      case "Abs" -> Math.abs(a);
      case "Floor" -> Math.floor(a);
      case "Ceil" -> Math.ceil(a);
      case "Max" -> Math.max(a, b);
      case "Min" -> Math.min(a, b);
      case "Equal" -> a == b ? 1.0 : 0.0;
      case "Less" -> a < b ? 1.0 : 0.0;
      case "Greater" -> a > b ? 1.0 : 0.0;
      case "Not" -> a == 0 ? 1.0 : 0.0;
      case "Where" -> a != 0 ? b : at(in[2], k);
      default -> null;
    };
  }

  private static Long one(NodeView v, long[][] in, int k) throws ImportFailure {
    long a = at(in[0], k);
    long b = in.length > 1 ? at(in[1], k) : 0;
    return switch (v.op()) {
      case "Add" -> v.plus(a, b, "the sum");
      case "Sub" -> v.minus(a, b, "the difference");
      case "Mul" -> v.times(a, b, "the product");
      case "Div" -> b == 0 ? null : quotient(v, a, b);
      case "Mod" -> b == 0 ? null : Attrs.i(v.node, "fmod", 0) == 1 ? a % b : Math.floorMod(a, b);
      case "Neg" -> v.minus(0, a, "the negation");
      case "Abs" -> a < 0 ? v.minus(0, a, "the absolute value") : a;
      case "Max" -> Math.max(a, b);
      case "Min" -> Math.min(a, b);
      case "Equal" -> a == b ? 1L : 0L;
      case "Less" -> a < b ? 1L : 0L;
      case "Greater" -> a > b ? 1L : 0L;
      case "Not" -> a == 0 ? 1L : 0L;
      case "Where" -> a != 0 ? b : at(in[2], k);
      default -> null;
    };
  }

  /** {@code a / b} truncated; Long.MIN_VALUE / -1, the one quotient past 2^63, is refused. */
  private static long quotient(NodeView v, long a, long b) throws ImportFailure {
    if (a == Long.MIN_VALUE && b == -1) {
      throw v.failure("the quotient overflows 64 bits (" + a + " / " + b + ")");
    }
    return a / b;
  }

  /**
   * How many inputs {@code op} reads: a Where with two, or an Add with one, read past the inputs
   * given (an internal error) or took a missing one for 0.
   */
  private static int arity(String op) {
    return switch (op) {
      case "Where" -> 3;
      case "Neg", "Sqrt", "Abs", "Floor", "Ceil", "Not" -> 1;
      default -> 2;
    };
  }

  private static boolean whole(double x) {
    return x == Math.rint(x);
  }
}
