package dev.devq.view;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.devq.calibrate.AccuracyReport;
import dev.devq.calibrate.Validation;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/** Renders {@code devq validate --report}: held-out accuracy, overall and by group. */
public final class AccuracyText {
  private AccuracyText() {}

  public static void text(AccuracyReport a, PrintWriter out) {
    out.println("held out: each '" + a.column() + "' group predicted by a fit on the other groups");
    out.println("  in sample  " + ValidationView.summary(a.inSample()));
    out.println("  held out   " + ValidationView.summary(a.heldOut()));
    out.println(
        String.format(
            Locale.ROOT, "  80%% range contains %.0f%% of held-out rows", a.rangeCoverage() * 100));
    out.println();
    group(out, "by fidelity", a.byFidelity());
    group(out, "by compute units", a.byUnits());
    group(out, "by model family", a.byFamily());
    group(out, "by " + a.column(), a.bySource());
  }

  private static void group(PrintWriter out, String title, Map<String, Validation.Summary> g) {
    out.println(title + " (held out):");
    g.forEach((k, s) -> out.println("  " + ValidationView.summary(s) + "  " + k));
    out.println();
  }

  public static ObjectNode json(AccuracyReport a) {
    ObjectNode root = JsonRender.MAPPER.createObjectNode();
    root.put("kind", "accuracy");
    root.put("held_out_by", a.column());
    root.set("in_sample", ValidationView.summaryJson(a.inSample()));
    root.set("held_out", ValidationView.summaryJson(a.heldOut()));
    root.put("range_coverage", a.rangeCoverage());
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
