package dev.devq.calibrate;

/**
 * The one quantile of devq's figures: the median error of {@code devq validate} and {@code devq
 * calibrate}, and the 10th and 90th percentiles that make an 80% range, in sample or held out.
 *
 * <p>The definition is Hazen's (Hyndman and Fan's type 5): each of {@code n} sorted values stands
 * at {@code (i + 0.5) / n}, and between two such points the quantile is read off the line joining
 * them; below the first point it is the first value, above the last the last. It is the one that
 * carries over to weights, each value standing at the middle of its weight's share of the whole,
 * which held-out ranges need (every held-out source weighs the same however many rows it brings);
 * with equal weights it is the same figure, and its median is the usual one (the middle value, or
 * the mean of the two middle ones). A range read this way stays within the sample's span.
 *
 * <pre>{@code
 * Quantiles.median(new double[] {1, 2, 3, 4})  // 2.5
 * Quantiles.of(new double[] {0.5, 0.6, ..., 1.5}, 0.10)  // 0.56 for eleven values
 * }</pre>
 */
public final class Quantiles {
  private Quantiles() {}

  /** The median of {@code sorted} (ascending); NaN when it is empty. */
  static double median(double[] sorted) {
    return sorted.length == 0 ? Double.NaN : of(sorted, 0.5);
  }

  /**
   * The {@code q} quantile of {@code sorted} (ascending), each value weighing the same; 1 when
   * empty.
   */
  static double of(double[] sorted, double q) {
    double[][] weighted = new double[sorted.length][];
    for (int i = 0; i < sorted.length; i++) {
      weighted[i] = new double[] {sorted[i], 1};
    }
    return weighted(weighted, q);
  }

  /**
   * The {@code q} quantile of {@code sorted}, {value, weight} pairs in ascending order of value; 1
   * when it is empty (a range of no rows leaves the prediction as it is).
   */
  public static double weighted(double[][] sorted, double q) {
    if (sorted.length == 0) {
      return 1;
    }
    double total = 0;
    for (double[] w : sorted) {
      total += w[1];
    }
    double below = 0;
    double previousAt = Double.NaN;
    for (int i = 0; i < sorted.length; i++) {
      double at = (below + sorted[i][1] / 2) / total;
      if (q <= at) {
        if (i == 0) {
          return sorted[0][0];
        }
        double f = (q - previousAt) / (at - previousAt);
        return sorted[i - 1][0] + f * (sorted[i][0] - sorted[i - 1][0]);
      }
      below += sorted[i][1];
      previousAt = at;
    }
    return sorted[sorted.length - 1][0];
  }
}
