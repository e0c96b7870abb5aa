package dev.devq.kb;

import dev.devq.lang.ParseResult;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import dev.devq.lang.unit.Dimension;
import dev.devq.lang.unit.NumberRange;
import dev.devq.lang.unit.Quantity;
import dev.devq.lang.unit.QuantityParser;
import dev.devq.lang.unit.UnitRegistry;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A quantity written in a profile ({@code 51.2 GB/s}): parsed by the query language's unit parser,
 * checked against the dimension its field expects and, as a query's literals are, for a number a
 * double cannot hold ({@link NumberRange}), and split into number and unit for display.
 */
final class QuantityText {
  private static final Pattern NUMBER_THEN_UNIT =
      Pattern.compile("\\s*([-+]?(?:\\d[\\d_]*)?(?:\\.\\d+)?(?:[eE][-+]?\\d+)?)\\s*(.*?)\\s*");

  private QuantityText() {}

  /**
   * Parses {@code s} as a quantity of {@code expected}; reports and returns null otherwise. Errors
   * point into the scalar's place in the file.
   */
  static Quantity parse(YamlNode.Scalar s, String key, Dimension expected, Problems problems) {
    int start = s.span().start() + (s.quoted() ? 1 : 0);
    String text = s.text();
    ParseResult<Quantity> parsed = QuantityParser.parse(new SourceText(s.source().name(), text));
    if (!parsed.ok()) {
      var first = parsed.diagnostics().get(0);
      int end = Math.min(s.source().text().length(), start + first.span().end());
      Span at = new Span(Math.min(end, start + first.span().start()), end);
      problems.error(
          s.source(),
          at,
          "'" + key + "': " + first.message(),
          first.notes().isEmpty() ? "" : first.notes().get(0));
      return null;
    }
    Quantity q = parsed.value();
    if (!q.dimension().equals(expected)) {
      UnitRegistry units = UnitRegistry.standard();
      problems.error(
          s,
          "'"
              + key
              + "' must be "
              + units.describe(expected)
              + ", found "
              + units.describe(q.dimension())
              + " ('"
              + text
              + "')",
          "write it in units of " + exampleUnit(expected));
      return null;
    }
    NumberRange range = NumberRange.of(q.value(), split(text)[0]);
    if (range != null) {
      problems.error(
          s,
          "'" + key + "': " + range.message() + " ('" + text + "' is " + range.detail() + ")",
          range.fix());
      return null;
    }
    return q;
  }

  /** {@code "17.5 TOPS"} → {@code ["17.5", "TOPS"]}; {@code "69%"} → {@code ["69", "%"]}. */
  static String[] split(String written) {
    Matcher m = NUMBER_THEN_UNIT.matcher(written);
    if (m.matches() && !m.group(1).isEmpty()) {
      return new String[] {m.group(1), m.group(2)};
    }
    return new String[] {written.strip(), ""};
  }

  private static String exampleUnit(Dimension d) {
    var ladder = UnitRegistry.standard().ladder(d);
    return ladder.isEmpty()
        ? UnitRegistry.standard().name(d)
        : String.join(
            ", ",
            ladder.stream().map(u -> u.name().isEmpty() ? "a plain number" : u.name()).toList());
  }
}
