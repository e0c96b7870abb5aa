package dev.devq.cli;

import dev.devq.Json;
import dev.devq.ValidationReport;
import dev.devq.doc.InputPath;
import dev.devq.lang.Diagnostic;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code devq validate FILE.csv...}: predictions against measurements, row by row, with the error
 * summary.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description =
        "Compare predictions with measurements in a CSV (header with at least expr,measured_ms);"
            + " several CSVs are read as one set of rows.")
final class ValidateCommand extends DevqCommand {
  @Mixin OutputFormat format;

  @Option(
      names = "--holdout",
      paramLabel = "COLUMN",
      description =
          "out-of-sample check: group rows by this CSV column (e.g. table; family without such a"
              + " column: the SoC's generation) and predict each group with the calibration"
              + " refitted on the others")
  String holdout;

  @Option(
      names = "--report",
      description =
          "accuracy report: in-sample and held-out errors (leave one --holdout group out, by"
              + " default one source), by fidelity, source, compute units and model family")
  boolean report;

  @Parameters(paramLabel = "FILE.csv", arity = "1..*")
  List<Path> files;

  @Override
  boolean json() {
    return format.json();
  }

  @Override
  int run() throws Loader.Failed {
    String emptyArgument = FolderArgument.emptyArgument("FILE.csv", files);
    if (!emptyArgument.isEmpty()) {
      return fail(emptyArgument);
    }
    List<Diagnostic> unreadable = unreadable(files, InputPath.Kind.FILE);
    if (!unreadable.isEmpty()) {
      return errors(unreadable);
    }
    if (report) {
      return answer(devq().accuracy(files, holdout == null ? "source" : holdout));
    }
    ValidationReport report = devq().validate(files, holdout);
    if (!report.readable()) {
      // nothing to validate (unreadable file, bad header): the error alone, no empty table
      return errors(report.diagnostics());
    }
    if (format.json()) {
      out().println(Json.write(report.json()));
    } else {
      if (holdout != null) {
        out()
            .println(
                "out of sample: each '" + holdout + "' group predicted by a fit on the others");
      }
      out().print(report.text());
    }
    out().flush();
    return report.diagnostics().isEmpty() ? ExitCodes.OK : errors(report.diagnostics(), false);
  }
}
