package dev.devq.kb;

/**
 * One field of an entity as {@code devq info} shows it: a dotted path ({@code ane.tops_fp16}), the
 * value as written ({@code 17.5}) and its unit ({@code TOPS}; empty for counts, words and texts),
 * and where it comes from.
 */
public record Fact(String path, String value, String unit, Provenance provenance, Origin origin) {
  /** Value and unit as one text: {@code 17.5 TOPS}, {@code 69%}, {@code LPDDR5}. */
  public String text() {
    if (unit.isEmpty()) {
      return value;
    }
    return unit.equals("%") ? value + unit : value + " " + unit;
  }
}
