package dev.devq.calibrate;

/** The linear algebra of one Levenberg–Marquardt step, small and dense. */
final class Solver {
  private Solver() {}

  /**
   * Solves {@code (JᵀWJ + μ·diag(JᵀWJ) + λ²I) Δ = −(JᵀWr + λ²(θ − θ₀))}, the damped, weighted
   * Gauss–Newton step with a ridge pull toward the prior θ₀.
   */
  static double[] levenbergMarquardt(
      double[][] jac,
      double[] r,
      double[] w,
      double[] theta,
      double[] prior,
      double lambda,
      double mu) {
    int n = theta.length;
    double[][] a = new double[n][n];
    double[] g = new double[n];
    for (int i = 0; i < r.length; i++) {
      for (int p = 0; p < n; p++) {
        double jp = jac[i][p] * w[i];
        g[p] += jp * r[i];
        for (int q = 0; q < n; q++) {
          a[p][q] += jp * jac[i][q];
        }
      }
    }
    double l2 = lambda * lambda;
    for (int p = 0; p < n; p++) {
      a[p][p] += mu * Math.max(a[p][p], 1e-9) + l2;
      g[p] += l2 * (theta[p] - prior[p]);
      g[p] = -g[p];
    }
    return solve(a, g);
  }

  /** Gaussian elimination with partial pivoting. */
  static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = new double[n][];
    for (int i = 0; i < n; i++) {
      m[i] = java.util.Arrays.copyOf(a[i], n + 1);
      m[i][n] = b[i];
    }
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int row = col + 1; row < n; row++) {
        if (Math.abs(m[row][col]) > Math.abs(m[pivot][col])) {
          pivot = row;
        }
      }
      double[] tmp = m[col];
      m[col] = m[pivot];
      m[pivot] = tmp;
      double d = m[col][col];
      if (Math.abs(d) < 1e-300) {
        continue;
      }
      for (int row = col + 1; row < n; row++) {
        double f = m[row][col] / d;
        for (int k = col; k <= n; k++) {
          m[row][k] -= f * m[col][k];
        }
      }
    }
    double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double s = m[i][n];
      for (int k = i + 1; k < n; k++) {
        s -= m[i][k] * x[k];
      }
      x[i] = Math.abs(m[i][i]) < 1e-300 ? 0 : s / m[i][i];
    }
    return x;
  }
}
