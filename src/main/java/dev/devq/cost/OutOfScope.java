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
 * Calibration#scope}); a fit that records nothing claims nothing. {@link #line} says so in the
 * words every front end prints under the estimate, and the engine gives as the reason a comparison
 * with an end of the missing range is unknown.
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

  /** The models a line names before it says how many more there are. */
  static final int MODELS_SHOWN = 3;

  /**
   * Why the estimate shows no 80% range: its runtime's measurements, where the range comes from,
   * are all of another kind of model.
   *
   * <pre>{@code
   * // no 80% range: llama.cpp's measurements on the GPU are all of decoder LLMs (llama_2_7b,
   * // llama_3_1_8b); resnet50 is a one-pass model
   * }</pre>
   */
  public String line() {
    return measured.isEmpty() ? measured(true) : measured(true) + "; " + model + " is " + one(kind);
  }

  /**
   * Why an end of the missing range is unknown, in words that fit every model of this kind, so that
   * the items of a quantifier unknown for it share one reason: {@code no 80% range: llama.cpp's
   * measurements on the GPU are all of decoder LLMs (llama_2_7b, llama_3_1_8b), none of a one-pass
   * model}.
   */
  public String endUnknown() {
    return measured.isEmpty() ? measured(true) : measured(true) + ", none of " + one(kind);
  }

  /**
   * {@link #line} without the models, short enough for a chart's subtitle: {@code no 80% range:
   * llama.cpp's measurements on the GPU are all of decoder LLMs}.
   */
  public String brief() {
    return measured(false);
  }

  /** What the runtime's rows measured on the setting: its kinds, each with its models if asked. */
  private String measured(boolean withModels) {
    if (measured.isEmpty()) {
      return "no 80% range: " + runtime.title() + " was never measured " + on();
    }
    var kinds = new java.util.StringJoiner(" or ");
    measured.forEach(
        (k, models) -> kinds.add(noun(k) + (withModels ? " (" + some(models) + ")" : "")));
    return "no 80% range: " + runtime.title() + "'s measurements " + on() + " are all of " + kinds;
  }

  private static String one(ModelKind kind) {
    return switch (kind) {
      case DECODER -> "a decoder LLM";
      case ONE_PASS -> "a one-pass model";
    };
  }

  private String on() {
    return UnitSet.parse(units) == UnitSet.CPU_ONLY ? "on the CPU" : "on the GPU";
  }

  private static String noun(ModelKind kind) {
    return switch (kind) {
      case DECODER -> "decoder LLMs";
      case ONE_PASS -> "one-pass models";
    };
  }

  /** The first {@link #MODELS_SHOWN} models, then how many more. */
  private static String some(List<String> models) {
    if (models.size() <= MODELS_SHOWN) {
      return String.join(", ", models);
    }
    return String.join(", ", models.subList(0, MODELS_SHOWN))
        + " and "
        + (models.size() - MODELS_SHOWN)
        + " more";
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
