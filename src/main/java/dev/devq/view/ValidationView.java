package dev.devq.view;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.devq.calibrate.Validation;
import dev.devq.lang.unit.QuantityFormat;
import java.util.Locale;
import java.util.Map;

/**
 * {@code devq validate} and {@code devq calibrate} in words and JSON: a line per row (prediction,
 * measurement, signed error), summaries by fidelity and compute units, the summary line of
 * DESIGN.md, and how many measurements lie within their prediction's 80% range.
 */
public final class ValidationView {
  private ValidationView() {}

  public static String text(Validation.Report report) {
    var out = new StringBuilder();
    out.append(
            String.format(
                Locale.ROOT, "%10s %10s %8s  %s", "predicted", "measured", "error", "expr"))
        .append('\n');
    for (Validation.RowResult r : report.results()) {
      out.append(
              String.format(
                  Locale.ROOT,
                  "%7s ms %7s ms %8s  %s",
                  QuantityFormat.number(r.predictedMs()),
                  QuantityFormat.number(r.row().measuredMs()),
                  signed(QuantityFormat.wholePercent(r.error())),
                  r.row().expr()))
          .append('\n');
    }
    out.append('\n');
    breakdown(out, "by fidelity", report.byFidelity());
    breakdown(out, "by compute units", report.byUnits());
    // the summary line comes last: the command-line contract has tools read it there
    Validation.RangeHits hits = Validation.rangeHits(report.results());
    if (hits.counted() > 0) {
      out.append(
              String.format(
                  Locale.ROOT,
                  "80%% range: %d of %d %s inside (%s)",
                  hits.inside(),
                  hits.counted(),
                  hits.counted() == 1 ? "row" : "rows",
                  QuantityFormat.wholePercent(hits.share())))
          .append('\n');
    }
    out.append(summary(report.overall())).append('\n');
    return out.toString();
  }

  private static void breakdown(
      StringBuilder out, String title, Map<String, Validation.Summary> groups) {
    if (groups.size() < 2) {
      return;
    }
    out.append(title).append(":\n");
    groups.forEach(
        (k, s) -> out.append("  ").append(TextRender.pad(k, 12)).append(summary(s)).append('\n'));
    out.append('\n');
  }

  /**
   * {@code N rows, median abs error X%, within ±10%: A%, within ±25%: B%, within ±50%: C%}; just
   * {@code 0 rows} when there is none, whose median and shares are no numbers.
   */
  public static String summary(Validation.Summary s) {
    if (s.rows() == 0) {
      return "0 rows";
    }
    return String.format(
        Locale.ROOT,
        "%d %s, median abs error %s, within ±10%%: %s, within ±25%%: %s, within ±50%%: %s",
        s.rows(),
        s.rows() == 1 ? "row" : "rows",
        QuantityFormat.wholePercent(s.medianApe()),
        QuantityFormat.wholePercent(s.within10()),
        QuantityFormat.wholePercent(s.within25()),
        QuantityFormat.wholePercent(s.within50()));
  }

  /**
   * A row's error with its sign, {@code +12%} or {@code -3%}, as the column has always shown it.
   */
  private static String signed(String percent) {
    return percent.startsWith("-") || percent.startsWith("NaN") ? percent : "+" + percent;
  }

  public static ObjectNode json(Validation.Report report) {
    ObjectNode root = JsonRender.MAPPER.createObjectNode().put("kind", "validation");
    root.setAll(summaryJson(report.overall()));
    share(root, "range_coverage", Validation.rangeHits(report.results()).share());
    ArrayNode results = root.putArray("results");
    for (Validation.RowResult r : report.results()) {
      ObjectNode o = results.addObject();
      o.put("expr", r.row().expr());
      o.put("predicted_ms", r.predictedMs());
      o.put("measured_ms", r.row().measuredMs());
      o.put("error", r.error());
      if (r.hasRange()) {
        o.put("low_ms", r.lowMs());
        o.put("high_ms", r.highMs());
      }
      // The CSV's other columns, after devq's own figures: a column of the same name (an "error"
      // of an earlier run) never replaces them.
      r.row().columns().forEach((k, v) -> o.putIfAbsent(k, o.textNode(v)));
    }
    ObjectNode fidelity = root.putObject("by_fidelity");
    report.byFidelity().forEach((k, s) -> fidelity.set(k, summaryJson(s)));
    ObjectNode units = root.putObject("by_units");
    report.byUnits().forEach((k, s) -> units.set(k, summaryJson(s)));
    return root;
  }

  static ObjectNode summaryJson(Validation.Summary s) {
    ObjectNode o = JsonRender.MAPPER.createObjectNode();
    o.put("rows", s.rows());
    share(o, "median_ape", s.medianApe());
    share(o, "within_10", s.within10());
    share(o, "within_25", s.within25());
    share(o, "within_50", s.within50());
    return o;
  }

  /** A fraction, or null for the NaN of a share of no rows (JSON has no NaN). */
  static void share(ObjectNode o, String key, double fraction) {
    if (Double.isNaN(fraction)) {
      o.putNull(key);
    } else {
      o.put(key, fraction);
    }
  }
}
