package dev.devq.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.devq.Devq;
import dev.devq.calibrate.AccuracyReport;
import dev.devq.calibrate.Measurements;
import dev.devq.calibrate.Validation;
import dev.devq.lang.DiagnosticRenderer;
import dev.devq.lang.unit.QuantityFormat;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code devq validate FILE.csv}: predictions against measurements, row by row, with the error
 * summary.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description =
        "Compare predictions with measurements in a CSV (header with at least expr,measured_ms).")
final class ValidateCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Option(names = "--format", defaultValue = "text", description = "text or json")
  Format format;

  @Option(
      names = "--holdout",
      paramLabel = "COLUMN",
      description =
          "out-of-sample check: group rows by this CSV column (e.g. table) and predict each group"
              + " with the calibration refitted on the others")
  String holdout;

  @Option(
      names = "--report",
      description =
          "accuracy report: in-sample and held-out errors (leave one --holdout group out, by"
              + " default one source), by fidelity, source, compute units and model family")
  boolean report;

  @Parameters(paramLabel = "FILE.csv")
  Path file;

  @Override
  public Integer call() throws Loader.Failed {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Devq devq = Loader.load(common, err);
    Measurements m = Measurements.read(file);
    if (m.rows().isEmpty() && !m.diagnostics().isEmpty()) {
      // nothing to validate (unreadable file, bad header): the error alone, no empty table
      err.print(DiagnosticRenderer.render(m.diagnostics()));
      err.flush();
      return ExitCodes.BAD_INPUT;
    }
    if (report) {
      return accuracy(devq, m, out, err);
    }
    Validation.Report report =
        holdout == null
            ? Validation.run(devq.interpreter(), m)
            : dev.devq.calibrate.Holdout.run(devq.interpreter(), m, holdout);
    if (holdout != null && format != Format.json) {
      out.println("out of sample: each '" + holdout + "' group predicted by a fit on the others");
    }
    if (format == Format.json) {
      out.println(JsonRender.write(json(report)));
    } else {
      text(report, out);
    }
    out.flush();
    if (!report.diagnostics().isEmpty()) {
      err.print(DiagnosticRenderer.render(report.diagnostics()));
      err.flush();
      return ExitCodes.BAD_INPUT;
    }
    return ExitCodes.OK;
  }

  private Integer accuracy(Devq devq, Measurements m, PrintWriter out, PrintWriter err) {
    String column = holdout == null ? "source" : holdout;
    AccuracyReport a = AccuracyReport.run(devq.interpreter(), m, column);
    if (format == Format.json) {
      out.println(JsonRender.write(AccuracyText.json(a)));
    } else {
      AccuracyText.text(a, out);
    }
    out.flush();
    if (!a.diagnostics().isEmpty()) {
      err.print(DiagnosticRenderer.render(a.diagnostics()));
      err.flush();
      return ExitCodes.BAD_INPUT;
    }
    return ExitCodes.OK;
  }

  private static void text(Validation.Report report, PrintWriter out) {
    out.println(
        String.format(Locale.ROOT, "%10s %10s %8s  %s", "predicted", "measured", "error", "expr"));
    for (Validation.RowResult r : report.results()) {
      out.println(
          String.format(
              Locale.ROOT,
              "%7s ms %7s ms %+7.0f%%  %s",
              QuantityFormat.number(r.predictedMs()),
              QuantityFormat.number(r.row().measuredMs()),
              r.error() * 100,
              r.row().expr()));
    }
    out.println();
    breakdown(out, "by fidelity", report.byFidelity());
    breakdown(out, "by compute units", report.byUnits());
    out.println(summary(report.overall()));
  }

  private static void breakdown(
      PrintWriter out, String title, Map<String, Validation.Summary> groups) {
    if (groups.size() < 2) {
      return;
    }
    out.println(title + ":");
    groups.forEach((k, s) -> out.println("  " + TextRender.pad(k, 12) + summary(s)));
    out.println();
  }

  static String summary(Validation.Summary s) {
    return String.format(
        Locale.ROOT,
        "%d rows, median abs error %.0f%%, within ±10%%: %.0f%%, within ±25%%: %.0f%%, "
            + "within ±50%%: %.0f%%",
        s.rows(),
        s.medianApe() * 100,
        s.within10() * 100,
        s.within25() * 100,
        s.within50() * 100);
  }

  private static ObjectNode json(Validation.Report report) {
    ObjectNode root = summaryJson(report.overall());
    ArrayNode results = root.putArray("results");
    for (Validation.RowResult r : report.results()) {
      ObjectNode o = results.addObject();
      o.put("expr", r.row().expr());
      o.put("predicted_ms", r.predictedMs());
      o.put("measured_ms", r.row().measuredMs());
      o.put("error", r.error());
      r.row().columns().forEach(o::put);
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
    o.put("median_ape", s.medianApe());
    o.put("within_10", s.within10());
    o.put("within_25", s.within25());
    o.put("within_50", s.within50());
    return o;
  }
}
