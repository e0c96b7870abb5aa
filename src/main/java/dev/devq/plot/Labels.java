package dev.devq.plot;

import dev.devq.lang.Article;
import dev.devq.lang.unit.QuantityFormat;
import dev.devq.query.eval.Value;

/** How values are named on a chart: a category, a point in an error note. */
final class Labels {
  private Labels() {}

  /** A short name: {@code iPhone 15 Pro}, {@code mobilenet_v2}, {@code 4.21 ms}. */
  static String of(Value v) {
    if (v instanceof Value.EntityV e) {
      return e.entity().name();
    }
    if (v instanceof Value.ModelV m) {
      return m.model().label();
    }
    if (v instanceof Value.QuantityV q) {
      return QuantityFormat.format(q.quantity());
    }
    if (v instanceof Value.WordV w) {
      return w.word().text();
    }
    if (v instanceof Value.ThermalV t) {
      return t.thermal().describe();
    }
    if (v instanceof Value.StrV s) {
      return s.value();
    }
    if (v instanceof Value.BoolV b) {
      return b.known() ? Boolean.toString(b.isTrue()) : "unknown";
    }
    return kind(v);
  }

  /** What kind of value it is, for messages: {@code a boolean}, {@code a list}. */
  static String kind(Value v) {
    if (v instanceof Value.CannotRunV c) {
      return "a model that cannot run there (" + c.why().reason() + ")";
    }
    if (v instanceof Value.BoolV) {
      return "a boolean";
    }
    if (v instanceof Value.EntityV e) {
      return Article.with(e.entity().kind());
    }
    if (v instanceof Value.ModelV) {
      return "a model";
    }
    if (v instanceof Value.ListV) {
      return "a list";
    }
    if (v instanceof Value.QuantityV) {
      return "a quantity";
    }
    if (v instanceof Value.StrV) {
      return "a text";
    }
    return Article.with(
        v.getClass().getSimpleName().replaceFirst("V$", "").toLowerCase(java.util.Locale.ROOT));
  }

  /**
   * Longest title a chart shows. A title is drawn on one line, and the chart library's wrapping of
   * a longer one costs time growing with the square of its length (a 20,000-character --title took
   * over a minute).
   */
  static final int MAX_TITLE = 200;

  /** The title a user gave ({@code --title}), on one line and cut like any other label. */
  static String title(String given) {
    return oneLine(given, MAX_TITLE);
  }

  /** Text on one line, cut with an ellipsis past {@code max} characters (titles, legends). */
  static String oneLine(String text, int max) {
    String s = text.strip().replaceAll("\\s+", " ");
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
