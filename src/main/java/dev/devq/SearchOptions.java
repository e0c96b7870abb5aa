package dev.devq;

import dev.devq.kb.ComputeUnit;
import dev.devq.kb.OsVersion;
import dev.devq.lang.Suggestions;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How {@code devq search} narrows its support grid: one compute unit ({@code ane}, {@code gpu},
 * {@code cpu}), one SoC or device, an OS release, and how many results. Null means no filter.
 *
 * <pre>{@code
 * new SearchOptions("ane", "a16", "iOS 17", 5).problem()   // "" when every option is valid
 * }</pre>
 */
public record SearchOptions(String unit, String soc, String os, int limit) {
  private static final Map<String, ComputeUnit> UNIT_WORDS =
      Map.of(
          "ane",
          ComputeUnit.ANE,
          "ne",
          ComputeUnit.ANE,
          "neural engine",
          ComputeUnit.ANE,
          "npu",
          ComputeUnit.ANE,
          "gpu",
          ComputeUnit.GPU,
          "cpu",
          ComputeUnit.CPU);

  /**
   * What is wrong with the options that needs no knowledge base to tell (the SoC is checked when
   * searching), or empty.
   */
  public String problem() {
    if (limit < 1) {
      return "--limit must be 1 or more, found " + limit;
    }
    if (unit != null && computeUnit() == null) {
      String hint = Suggestions.didYouMean(unit.strip(), List.of("ane", "gpu", "cpu"));
      return "--unit must be ane, gpu or cpu, found '"
          + unit
          + "'"
          + (hint.isEmpty() ? "" : "; " + hint);
    }
    if (os != null) {
      try {
        OsVersion.parse(os);
      } catch (IllegalArgumentException e) {
        return "--os " + e.getMessage();
      }
    }
    return "";
  }

  /** Whether any option narrows the grid (then only ops are searched). */
  boolean narrows() {
    return unit != null || soc != null || os != null;
  }

  ComputeUnit computeUnit() {
    return unit == null ? null : UNIT_WORDS.get(unit.strip().toLowerCase(Locale.ROOT));
  }

  OsVersion release() {
    return os == null ? null : OsVersion.parse(os);
  }

  // Written out: a record's own equals and hashCode link Java 17's ObjectMethods bootstrap, which
  // spins method-handle classes no class-data archive keeps, on a one-shot search's main thread.
  @Override
  public boolean equals(Object o) {
    return o instanceof SearchOptions other
        && limit == other.limit
        && Objects.equals(unit, other.unit)
        && Objects.equals(soc, other.soc)
        && Objects.equals(os, other.os);
  }

  @Override
  public int hashCode() {
    return Objects.hash(unit, soc, os, limit);
  }
}
