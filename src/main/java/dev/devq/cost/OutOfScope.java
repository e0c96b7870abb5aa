package dev.devq.cost;

import dev.devq.kb.Calibration;
import dev.devq.model.Model;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Why a runtime's prediction has no 80% range: the rows its range was taken from never measured a
 * model of this kind on this unit setting, so how far such a model lands from its prediction is not
 * known. The prediction stays (the roofline and the fitted efficiencies still apply); the range
 * from the other kind's rows does not. The fit records what its rows measured ({@link
 * Calibration#scope}); a fit that records nothing claims nothing.
 *
 * @param runtime the runtime asked for
 * @param units the unit setting whose range the prediction would read ({@code cpu_and_gpu})
 * @param model the model asked for, by id
 * @param kind its kind
 * @param measured the kinds the fit's rows measured on this setting, each with its models in the
 *     order the file gives them; empty when no row measured the setting at all
 */
public record OutOfScope(
    Runtime runtime,
    String units,
    String model,
    ModelKind kind,
    Map<ModelKind, List<String>> measured) {
  public OutOfScope {
    measured = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(measured));
  }

  /**
   * Why {@code model} under {@code c} lies outside what {@code fit}'s rows measured, or null when
   * it lies inside or the fit records no scope. Core ML's ranges are not judged here.
   */
  static OutOfScope of(Calibration fit, Conditions c, Model model) {
    if (fit.scope().isEmpty() || c.runtime() == Runtime.COREML) {
      return null;
    }
    ModelKind kind = ModelKind.of(model);
    Map<String, List<String>> covered = fit.scope().getOrDefault(c.runtimeRangeKey(), Map.of());
    if (covered.containsKey(kind.key())) {
      return null;
    }
    Map<ModelKind, List<String>> measured = new LinkedHashMap<>();
    covered.forEach(
        (word, models) -> {
          ModelKind k = ModelKind.parse(word);
          if (k != null) {
            measured.put(k, models);
          }
        });
    String key = c.runtimeRangeKey();
    return new OutOfScope(
        c.runtime(), key.substring(key.indexOf('.') + 1), model.id(), kind, measured);
  }
}
