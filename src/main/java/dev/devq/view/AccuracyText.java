package dev.devq.view;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.devq.calibrate.AccuracyReport;
import dev.devq.calibrate.Validation;
import dev.devq.lang.unit.QuantityFormat;
import java.util.Map;

/** Renders {@code devq validate --report}: held-out accuracy, overall and by group. */
public final class AccuracyText {
  private AccuracyText() {}

  /**
   * The report in words, lines ended by {@code \n} as every other output of devq (never the
   * platform's separator, which would make the same report differ between machines).
   */
  public static String text(AccuracyReport a) {
    var out = new StringBuilder();
    out.append("held out: each '")
        .append(a.column())
        .append("' group predicted by a fit on the other groups\n");
    out.append("  in sample  ").append(ValidationView.summary(a.inSample())).append('\n');
    out.append("  held out   ").append(ValidationView.summary(a.heldOut())).append('\n');
    // a share of no rows (every held-out row a pipeline, which has no range) is no percentage
    if (Double.isNaN(a.rangeCoverage())) {
      out.append("  80% range: no held-out row has one\n");
    } else {
      out.append("  80% range contains ")
          .append(QuantityFormat.wholePercent(a.rangeCoverage()))
          .append(" of held-out rows\n");
    }
    out.append('\n');
    group(out, "by fidelity", a.byFidelity());
    group(out, "by compute units", a.byUnits());
    group(out, "by model family", a.byFamily());
    group(out, "by " + a.column(), a.bySource());
    return out.toString();
  }

  private static void group(StringBuilder out, String title, Map<String, Validation.Summary> g) {
    out.append(title).append(" (held out):\n");
    g.forEach(
        (k, s) ->
            out.append("  ").append(ValidationView.summary(s)).append("  ").append(k).append('\n'));
    out.append('\n');
  }

  public static ObjectNode json(AccuracyReport a) {
    ObjectNode root = JsonRender.MAPPER.createObjectNode();
    root.put("kind", "accuracy");
    root.put("held_out_by", a.column());
    root.set("in_sample", ValidationView.summaryJson(a.inSample()));
    root.set("held_out", ValidationView.summaryJson(a.heldOut()));
    ValidationView.share(root, "range_coverage", a.rangeCoverage());
    groups(root.putObject("by_fidelity"), a.byFidelity());
    groups(root.putObject("by_units"), a.byUnits());
    groups(root.putObject("by_family"), a.byFamily());
    groups(root.putObject("by_group"), a.bySource());
    var results = root.putArray("results");
    for (Validation.RowResult r : a.rows()) {
      ObjectNode o = results.addObject();
      o.put("expr", r.row().expr());
      o.put("predicted_ms", r.predictedMs());
      o.put("measured_ms", r.row().measuredMs());
      o.put("error", r.error());
    }
    return root;
  }

  private static void groups(ObjectNode into, Map<String, Validation.Summary> g) {
    g.forEach((k, s) -> into.set(k, ValidationView.summaryJson(s)));
  }
}
