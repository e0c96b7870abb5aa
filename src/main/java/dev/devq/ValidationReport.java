package dev.devq;

import com.fasterxml.jackson.databind.JsonNode;
import dev.devq.calibrate.Validation;
import dev.devq.lang.Diagnostic;
import dev.devq.view.ValidationView;
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
