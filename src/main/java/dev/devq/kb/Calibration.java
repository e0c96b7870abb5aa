package dev.devq.kb;

import java.util.List;
import java.util.Map;

/**
 * The fitted constants of the cost model, read from {@code calibration/*.yaml}: named numbers
 * (efficiencies per unit and op class, fixed costs) plus what they were fitted on and when. The
 * cost model owns their meaning; which constants a fit must hold is checked above the knowledge
 * base, where the fit is defined, against {@code origin} (where the constants were written).
 *
 * @param scope what the rows of the fit measured, per setting whose 80% range the fit gives ({@code
 *     llama_cpp.cpu_and_gpu}): each kind of model ({@code decoder}) and the models of that kind;
 *     empty when the file records none. The cost model reads the words.
 */
public record Calibration(
    Map<String, Double> constants,
    String fittedOn,
    String fittedAt,
    double residualLow,
    double residualHigh,
    Map<String, Map<String, List<String>>> scope,
    Origin origin) {
  /** No calibration file: the cost model's priors hold. */
  public static final Calibration NONE =
      new Calibration(Map.of(), "", "", 1, 1, Map.of(), Origin.builtIn("no calibration"));

  public Calibration {
    constants = Map.copyOf(constants);
    var copy = new java.util.LinkedHashMap<String, Map<String, List<String>>>();
    scope.forEach(
        (setting, kinds) -> {
          var k = new java.util.LinkedHashMap<String, List<String>>();
          kinds.forEach((kind, models) -> k.put(kind, List.copyOf(models)));
          copy.put(setting, java.util.Collections.unmodifiableMap(k));
        });
    scope = java.util.Collections.unmodifiableMap(copy);
  }

  /** A constant by name, or {@code fallback} when it was not fitted. */
  public double get(String name, double fallback) {
    return constants.getOrDefault(name, fallback);
  }
}
