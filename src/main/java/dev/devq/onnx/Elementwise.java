package dev.devq.onnx;

/**
 * Folds elementwise arithmetic on small constants (shape arithmetic such as {@code seq * heads},
 * {@code dim / heads}). Inputs broadcast when one side is a single value or both have the output's
 * element count; integer division truncates, as ONNX does on int64 shapes.
 */
final class Elementwise {
  private Elementwise() {}

  static double[] values(NodeView v, long[] outDims, int n) throws ImportFailure {
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

  private static double at(double[] a, int k) {
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

  private static boolean whole(double x) {
    return x == Math.rint(x);
  }
}
