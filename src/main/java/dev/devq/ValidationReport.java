package dev.devq;

import com.fasterxml.jackson.databind.JsonNode;
import dev.devq.calibrate.Holdout;
import dev.devq.calibrate.Measurements;
import dev.devq.calibrate.Validation;
import dev.devq.lang.Diagnostic;
import dev.devq.query.eval.Interpreter;
import dev.devq.view.ValidationView;
import java.nio.file.Path;
import java.util.List;

/**
 * Predictions against measurements ({@code devq validate}): a line per row, summaries, and the rows
 * that could not be predicted as diagnostics. A CSV that cannot be read at all (missing, bad
 * header) has no report, only {@link #diagnostics()}.
 *
 * <pre>{@code
 * ValidationReport r = devq.validate(Path.of("calibration.csv"), null);
 * r.text()   // "…\n55 rows, median abs error 16%, within ±10%: …"
 * }</pre>
 */
public final class ValidationReport {
  private final Validation.Report report;
  private final List<Diagnostic> diagnostics;

  ValidationReport(Validation.Report report, List<Diagnostic> diagnostics) {
    this.report = report;
    this.diagnostics = List.copyOf(diagnostics);
  }

  /**
   * The predictions of the rows of {@code csv} (several files read together, in order); with {@code
   * holdoutColumn}, each group of rows predicted by a fit on the others.
   */
  static ValidationReport of(Interpreter interpreter, List<Path> csv, String holdoutColumn) {
    Measurements m = Measurements.read(csv);
    if (m.rows().isEmpty() && !m.diagnostics().isEmpty()) {
      return new ValidationReport(null, m.diagnostics());
    }
    Validation.Report report =
        holdoutColumn == null
            ? Validation.run(interpreter, m)
            : Holdout.run(interpreter, m, holdoutColumn);
    if (report.results().isEmpty() && !report.diagnostics().isEmpty()) {
      // no row predicted (a --holdout column the CSV lacks, every row bad): only the errors, never
      // an empty report with a summary of nothing
      return new ValidationReport(null, report.diagnostics());
    }
    return new ValidationReport(report, report.diagnostics());
  }

  /** Whether the CSV could be read; otherwise only the diagnostics say why. */
  public boolean readable() {
    return report != null;
  }

  /** The rows that could not be read or predicted (and, when unreadable, why). */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  public String text() {
    return ValidationView.text(report);
  }

  public JsonNode json() {
    return ValidationView.json(report);
  }
}
