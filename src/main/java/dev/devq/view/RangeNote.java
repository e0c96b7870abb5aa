package dev.devq.view;

import dev.devq.cost.ModelKind;
import dev.devq.cost.OutOfScope;
import dev.devq.cost.UnitSet;
import dev.devq.kb.OsVersion;
import java.util.List;

/**
 * What an estimate's 80% range says of itself under the value that shows it, in every format of
 * {@code eval} and {@code check}: that there is none, because the runtime's measurements never
 * covered a model of its kind ({@link OutOfScope}); or that it allows for an older OS release: the
 * top of a latency that names no {@code os}, on a device that shipped with iOS 16 or earlier,
 * reaches the cost of entering the Neural Engine there ({@link
 * dev.devq.cost.Prediction#rangeAllowsFor}). A check that passes says it too: it is exactly its
 * pessimistic end that the older release moves.
 *
 * <pre>{@code
 * RangeNote.line(new OsVersion("ios", 16))
 * // the 80% range allows for iOS 16, which the device may still run: name the release to
 * // narrow it, e.g. os = "iOS 17"
 * }</pre>
 */
public final class RangeNote {
  private RangeNote() {}

  /** The models a line names before it says how many more there are. */
  static final int MODELS_SHOWN = 3;

  /** One line per release, in order; none for none. */
  public static List<String> lines(List<OsVersion> releases) {
    return releases.stream().map(RangeNote::line).toList();
  }

  /**
   * The lines under an outcome's value: why estimates it shows have no 80% range ({@link
   * #line(OutOfScope)}), then what its ranges allow for.
   */
  public static List<String> lines(dev.devq.query.eval.Outcome o) {
    List<String> out = new java.util.ArrayList<>();
    o.rangeOutOfScope().forEach(why -> out.add(line(why)));
    out.addAll(lines(o.rangeAllowsFor()));
    return out;
  }

  /**
   * {@link #line} without the models, short enough for a chart's subtitle: {@code no 80% range:
   * llama.cpp's measurements on the GPU are all of decoder LLMs}.
   */
  public static String brief(OutOfScope why) {
    return measured(why, false);
  }

  /**
   * Why an estimate shows no 80% range: its runtime's measurements, where the range comes from, are
   * all of another kind of model ({@link OutOfScope}).
   *
   * <pre>{@code
   * // no 80% range: llama.cpp's measurements on the GPU are all of decoder LLMs (llama_2_7b,
   * // llama_3_1_8b); resnet50 is a one-pass model
   * }</pre>
   */
  public static String line(OutOfScope why) {
    return why.measured().isEmpty()
        ? measured(why, true)
        : measured(why, true) + "; " + why.model() + " is " + one(why.kind());
  }

  /** What the runtime's rows measured on the setting: its kinds, each with its models if asked. */
  private static String measured(OutOfScope why, boolean withModels) {
    if (why.measured().isEmpty()) {
      return "no 80% range: " + why.runtime().title() + " was never measured " + on(why.units());
    }
    var kinds = new java.util.StringJoiner(" or ");
    why.measured()
        .forEach(
            (kind, models) ->
                kinds.add(noun(kind) + (withModels ? " (" + some(models) + ")" : "")));
    return "no 80% range: "
        + why.runtime().title()
        + "'s measurements "
        + on(why.units())
        + " are all of "
        + kinds;
  }

  private static String one(ModelKind kind) {
    return switch (kind) {
      case DECODER -> "a decoder LLM";
      case ONE_PASS -> "a one-pass model";
    };
  }

  private static String on(String units) {
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

  /** The line for one release the range allows for, with the argument that narrows it. */
  public static String line(OsVersion release) {
    return "the 80% range allows for "
        + release
        + ", which the device may still run: name the release to narrow it, e.g. "
        + naming(release);
  }

  /** {@code os = "iOS 17"}: the release after {@code older}, as a query names it. */
  static String naming(OsVersion older) {
    return "os = \"" + older.platformName() + " " + (older.major() + 1) + "\"";
  }
}
