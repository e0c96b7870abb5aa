package dev.devq.calibrate;

import dev.devq.cost.Coefficients;
import dev.devq.cost.CoreMlConstants;
import dev.devq.cost.CostModel;
import dev.devq.cost.Runtime;
import dev.devq.cost.RuntimeConstants;
import dev.devq.query.eval.Interpreter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits the cost model's efficiencies and fixed costs to measurements: least squares on log latency,
 * made robust to outliers by Huber weights (iteratively reweighted), with a weak pull toward
 * neutral values so constants no row constrains stay put. Levenberg–Marquardt with a numerical
 * Jacobian; parameters live in log space and within physical bounds.
 */
public final class Calibrator {
  /** Residuals beyond this (in log space, about ±28%) count less and less: a robust fit. */
  private static final double HUBER = 0.25;

  private static final double PRIOR = 0.05;

  /**
   * Iterations a fit may take before it stops and says it did not converge. On the shipped rows
   * (2026-12-07) the full fit converges ({@link Convergence}) in 57 and every leave-one-source-out
   * fold before the cap; the one traced, SwiftFormer's paper left out, in 19, where the rule of a
   * single small step had it crawl along a placement switch to the cap with its predictions moving
   * by 0.004% a step. A fit still moving its predictions after a hundred iterations is sliding
   * along constants its rows cannot tell apart, which the cap reports rather than hides.
   */
  public static final int MAX_ITERATIONS = 100;

  /**
   * Why a fit stopped. Only {@link #CAP} leaves constants that further iterations would still move.
   */
  public enum Stop {
    /**
     * The last {@link Convergence#WINDOW} iterations moved no row's prediction by more than {@link
     * Convergence#PREDICTION_TOLERANCE}.
     */
    CONVERGED,
    /**
     * No step of the last {@link Convergence#WINDOW} iterations lowered the objective, however
     * damped (each rejection damps the next step four times more): a minimum to the precision of
     * the numerical Jacobian.
     */
    NO_DESCENT,
    /** The iteration cap came first: the predictions were still moving. */
    CAP,
    /**
     * Nothing was fitted: the constants in force are kept as they are ({@link #inForce}), for a new
     * 80% range around them.
     */
    KEPT
  }

  private Calibrator() {}

  /**
   * The fit's own residuals, where the 80% range comes from until {@link Fit#withHeldOutRanges}.
   */
  public static final String IN_SAMPLE = "the fit's own rows (in sample: nothing was held out)";

  /**
   * A fitted set of constants with the spread of its residuals; {@code rangeFrom} says which rows
   * the 80% range ({@code residualP10}, {@code residualP90} and any {@code range.*} constants) was
   * measured on, for the calibration file's header. {@code moved}: the constants some row's
   * prediction depends on at the constants in force, in fitting order, what the rows can pin; fewer
   * rows than these leave the fit to its prior.
   */
  public record Fit(
      Map<String, Double> constants,
      int rows,
      double residualP10,
      double residualP90,
      int iterations,
      Stop stop,
      String rangeFrom,
      List<String> moved) {
    public Fit {
      moved = List.copyOf(moved);
    }

    /** Whether the fit stopped because it converged, not because it ran out of iterations. */
    public boolean converged() {
      return stop != Stop.CAP;
    }

    /**
     * The same constants with the 80% range taken from held-out rows instead of the fit's own
     * residuals ({@link HeldOutRanges}): {@code heldOut}, each group predicted by a fit on the
     * others, and {@code byFamily}, the rows held out by chip generation, or null when that holdout
     * did not run or is {@code heldOut} itself. For Core ML, per compute-unit setting, the two
     * pooled; for llama.cpp and ExecuTorch, per runtime and unit setting from {@code heldOut},
     * where a setting of one source also reads {@code byFamily}'s rows. {@code from} says how the
     * rows were held out.
     */
    public Fit withHeldOutRanges(
        HeldOutRanges.HeldOut heldOut, HeldOutRanges.HeldOut byFamily, String from) {
      Map<String, Double> c = new LinkedHashMap<>(constants);
      c.keySet().removeIf(k -> k.startsWith("range."));
      double[] pooled;
      if (runtimes()) {
        List<Validation.RowResult> withinSource = byFamily == null ? List.of() : byFamily.rows();
        c.putAll(HeldOutRanges.perRuntime(heldOut.rows(), withinSource, heldOut.group()));
        pooled = HeldOutRanges.range(heldOut.rows(), heldOut.group());
      } else {
        List<HeldOutRanges.HeldOut> holdouts =
            byFamily == null ? List.of(heldOut) : List.of(heldOut, byFamily);
        c.putAll(HeldOutRanges.perUnits(holdouts));
        pooled = HeldOutRanges.pooled(holdouts);
      }
      return new Fit(c, rows, pooled[0], pooled[1], iterations, stop, from, moved);
    }

    /**
     * Whether this fit holds the constants of llama.cpp and ExecuTorch only (it belongs in {@code
     * calibration/runtimes.yaml}, not Core ML's {@code fit.yaml}); ranges do not count.
     */
    public boolean runtimes() {
      return constants.keySet().stream()
          .filter(k -> !k.startsWith("range."))
          .allMatch(RuntimeConstants::isRuntimeConstant);
    }
  }

  /** The Core ML constants the fit may move, with their bounds ({@link CoreMlConstants}). */
  static Map<String, double[]> parameters() {
    return CoreMlConstants.bounds();
  }

  /**
   * The constants the rows can move: Core ML's when a row runs Core ML, and those of each other
   * runtime the rows run ({@link RuntimeConstants}), so a fit of llama.cpp measurements leaves Core
   * ML's constants alone and the other way round.
   */
  static Map<String, double[]> parameters(List<Validation.RowResult> rows) {
    var runtimes = java.util.EnumSet.noneOf(Runtime.class);
    rows.forEach(r -> runtimes.add(r.estimate().conditions().runtime()));
    Map<String, double[]> p =
        runtimes.contains(Runtime.COREML) ? parameters() : new LinkedHashMap<>();
    p.putAll(RuntimeConstants.parameters(runtimes));
    return p;
  }

  /** Fits the rows' constants within {@link #MAX_ITERATIONS}, keeping those no row moves. */
  public static Fit fit(Interpreter devq, List<Validation.RowResult> rows) {
    return fit(devq, rows, MAX_ITERATIONS, Unmoved.IN_FORCE);
  }

  /**
   * Fits the rows' constants, starting from those in force, in at most {@code maxIterations}
   * Levenberg–Marquardt steps; the fit says whether it converged ({@link Fit#stop}). A constant no
   * row moves is left as {@code unmoved} says.
   */
  public static Fit fit(
      Interpreter devq, List<Validation.RowResult> rows, int maxIterations, Unmoved unmoved) {
    var problem = Problem.of(devq, rows);
    List<String> names = problem.names();
    double[] prior = problem.prior();
    double[] theta = problem.inForce();
    double[] r = problem.residuals(theta);
    boolean[] free = constrained(problem.jacobian(theta, r), theta.length);
    for (int j = 0; j < theta.length; j++) {
      if (!free[j] && unmoved == Unmoved.NEUTRAL) {
        theta[j] = problem.clampTheta(prior)[j];
      }
    }
    r = problem.residuals(theta);
    double loss = problem.loss(r, theta);
    double mu = 1e-2;
    int iteration = 0;
    Stop stop = Stop.CAP;
    // A rejected step leaves theta where it was, so its Jacobian and weights serve the next, more
    // damped try: a rejection costs one evaluation of the rows instead of one per constant.
    double[][] jac = problem.jacobian(theta, r);
    double[] w = weights(r);
    Convergence convergence = new Convergence(r);
    for (; iteration < maxIterations && stop == Stop.CAP; iteration++) {
      double[] step = Solver.levenbergMarquardt(jac, r, w, theta, prior, PRIOR, mu);
      for (int j = 0; j < step.length; j++) {
        step[j] = free[j] ? step[j] : 0;
      }
      double[] next = problem.clampTheta(add(theta, step));
      double[] nextR = problem.residuals(next);
      double nextLoss = problem.loss(nextR, next);
      if (nextLoss < loss) {
        theta = next;
        r = nextR;
        loss = nextLoss;
        mu = Math.max(1e-6, mu / 3);
        stop = convergence.after(r, true);
        if (stop == Stop.CAP && iteration + 1 < maxIterations) {
          // the next step's Jacobian, one evaluation of the rows per constant: not after the last
          jac = problem.jacobian(theta, r);
          w = weights(r);
        }
      } else {
        mu *= 4;
        stop = convergence.after(r, false);
      }
    }
    Map<String, Double> constants = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      constants.put(names.get(i), Math.exp(theta[i]));
    }
    List<String> moved = new ArrayList<>();
    for (int j = 0; j < free.length; j++) {
      if (free[j]) {
        moved.add(names.get(j));
      }
    }
    double[] range = ownRange(r);
    return new Fit(
        constants, problem.rows().size(), range[0], range[1], iteration, stop, IN_SAMPLE, moved);
  }

  /**
   * The constants in force that the rows would fit, unfitted ({@link Stop#KEPT}), with the range of
   * their own residuals on the rows: what {@code devq calibrate --ranges-only} gives its 80% range
   * from held-out rows ({@link Fit#withHeldOutRanges}) when the rows or the holdout behind the
   * range changed and the fit did not.
   */
  public static Fit inForce(Interpreter devq, List<Validation.RowResult> rows) {
    var problem = Problem.of(devq, rows);
    Map<String, Double> constants = new LinkedHashMap<>();
    problem.names().forEach(n -> constants.put(n, problem.base().coefficients().get(n)));
    double[] r = problem.residuals(problem.inForce());
    double[] range = ownRange(r);
    return new Fit(
        constants, problem.rows().size(), range[0], range[1], 0, Stop.KEPT, IN_SAMPLE, List.of());
  }

  /**
   * Each fitted constant's pull on each row at the constants in force: d log latency / d log
   * constant, the Jacobian the fit steps with, by constant (in {@link #parameters(List)}'s order)
   * and then by row. A constant whose column is zero on every row is one no row moves, wherever it
   * sits; one the rows move is pinned by them, even where that is near the fitter's start.
   */
  public static Map<String, double[]> sensitivities(
      Interpreter devq, List<Validation.RowResult> rows) {
    var problem = Problem.of(devq, rows);
    double[] theta = problem.inForce();
    double[][] jac = problem.jacobian(theta, problem.residuals(theta));
    Map<String, double[]> out = new LinkedHashMap<>();
    for (int j = 0; j < theta.length; j++) {
      double[] column = new double[problem.rows().size()];
      for (int i = 0; i < column.length; i++) {
        column[i] = jac[i][j];
      }
      out.put(problem.names().get(j), column);
    }
    return out;
  }

  /** The 80% range of the fit's own residuals (log predicted ÷ measured), in sample. */
  private static double[] ownRange(double[] r) {
    double[] ratios = Arrays.stream(r).map(x -> Math.exp(-x)).sorted().toArray();
    return HeldOutRanges.containing(Quantiles.of(ratios, 0.10), Quantiles.of(ratios, 0.90));
  }

  /**
   * Which parameters some row's prediction depends on: a column of the Jacobian that is zero on
   * every row belongs to a constant the rows cannot pin down.
   */
  static boolean[] constrained(double[][] jac, int parameters) {
    boolean[] out = new boolean[parameters];
    for (double[] row : jac) {
      for (int j = 0; j < row.length; j++) {
        out[j] |= Math.abs(row[j]) > 1e-12;
      }
    }
    return out;
  }

  static double[] weights(double[] r) {
    double[] w = new double[r.length];
    for (int i = 0; i < r.length; i++) {
      w[i] = Math.abs(r[i]) <= HUBER ? 1 : HUBER / Math.abs(r[i]);
    }
    return w;
  }

  private static double[] add(double[] a, double[] b) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i] + b[i];
    }
    return out;
  }

  /** Residuals of log(predicted / measured) for a parameter vector. */
  private record Problem(
      CostModel base,
      List<Validation.RowResult> rows,
      List<String> names,
      double[][] bounds,
      double[] prior) {
    /** The rows that predict, and the constants they can move, from those in force. */
    static Problem of(Interpreter devq, List<Validation.RowResult> rows) {
      List<Validation.RowResult> usable = rows.stream().filter(r -> r.estimate() != null).toList();
      Map<String, double[]> parameters = parameters(usable);
      List<String> names = new ArrayList<>(parameters.keySet());
      double[][] bounds = names.stream().map(parameters::get).toArray(double[][]::new);
      double[] prior =
          names.stream().mapToDouble(n -> Math.log(Coefficients.NEUTRAL.get(n))).toArray();
      return new Problem(devq.engine().costModel(), usable, names, bounds, prior);
    }

    /** The constants in force, in log terms, within their bounds. */
    double[] inForce() {
      double[] theta = new double[names.size()];
      for (int j = 0; j < theta.length; j++) {
        double v = base.coefficients().get(names.get(j));
        theta[j] = Math.log(Math.max(bounds[j][0], Math.min(bounds[j][1], v)));
      }
      return theta;
    }

    double[] residuals(double[] theta) {
      Map<String, Double> values = new LinkedHashMap<>();
      for (int i = 0; i < names.size(); i++) {
        values.put(names.get(i), Math.exp(theta[i]));
      }
      CostModel model = base.with(values);
      double[] r = new double[rows.size()];
      for (int i = 0; i < rows.size(); i++) {
        double predicted = rows.get(i).reestimate(model).latency() * 1000;
        r[i] = Math.log(predicted / rows.get(i).row().measuredMs());
      }
      return r;
    }

    double loss(double[] r, double[] theta) {
      double sum = 0;
      for (double x : r) {
        double a = Math.abs(x);
        sum += a <= HUBER ? 0.5 * a * a : HUBER * (a - 0.5 * HUBER);
      }
      for (int j = 0; j < theta.length; j++) {
        double d = PRIOR * (theta[j] - prior[j]);
        sum += 0.5 * d * d;
      }
      return sum;
    }

    double[][] jacobian(double[] theta, double[] r) {
      double[][] jac = new double[r.length][theta.length];
      double h = 1e-3;
      for (int j = 0; j < theta.length; j++) {
        double[] t = theta.clone();
        t[j] += h;
        double[] rj = residuals(t);
        for (int i = 0; i < r.length; i++) {
          jac[i][j] = (rj[i] - r[i]) / h;
        }
      }
      return jac;
    }

    double[] clampTheta(double[] theta) {
      double[] out = theta.clone();
      for (int j = 0; j < out.length; j++) {
        out[j] = Math.max(Math.log(bounds[j][0]), Math.min(Math.log(bounds[j][1]), out[j]));
      }
      return out;
    }
  }
}
