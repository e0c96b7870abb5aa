package dev.devq.kb;

import java.util.Map;

/**
 * The fitted constants of the cost model, read from {@code calibration/*.yaml}: named numbers
 * (efficiencies per unit and op class, fixed costs) plus what they were fitted on and when. The
 * cost model owns their meaning; which constants a fit must hold is checked above the knowledge
 * base, where the fit is defined, against {@code origin} (where the constants were written).
 */
public record Calibration(
    Map<String, Double> constants,
    String fittedOn,
    String fittedAt,
    double residualLow,
    double residualHigh,
    Origin origin) {
  /** No calibration file: the cost model's priors hold. */
  public static final Calibration NONE =
      new Calibration(Map.of(), "", "", 1, 1, Origin.builtIn("no calibration"));

  public Calibration {
    constants = Map.copyOf(constants);
  }

  /** A constant by name, or {@code fallback} when it was not fitted. */
  public double get(String name, double fallback) {
    return constants.getOrDefault(name, fallback);
  }
}
