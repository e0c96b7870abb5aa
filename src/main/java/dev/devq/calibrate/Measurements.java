package dev.devq.calibrate;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CSV of measurements: a header with at least {@code expr} and {@code measured_ms}, one row per
 * measurement; other columns ({@code source}, {@code fidelity}, …) are kept as they are.
 */
public record Measurements(String file, List<Row> rows, List<Diagnostic> diagnostics) {
  public Measurements {
    rows = List.copyOf(rows);
    diagnostics = List.copyOf(diagnostics);
  }

  /**
   * One measurement; {@code line} is its line in the file, {@code exprSource} locates the
   * expression.
   */
  public record Row(
      int line,
      String expr,
      double measuredMs,
      Map<String, String> columns,
      SourceText exprSource) {}

  public static Measurements read(Path path) {
    String name = path.toString();
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (java.nio.file.NoSuchFileException e) {
      return failed(name, "", "cannot read " + name + ": no such file");
    } catch (java.nio.charset.MalformedInputException e) {
      return failed(name, "", "cannot read " + name + ": it is not UTF-8 text (a CSV is expected)");
    } catch (IOException e) {
      return failed(name, "", "cannot read " + name + ": " + e.getMessage());
    }
    var mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    List<Row> rows = new ArrayList<>();
    List<Diagnostic> problems = new ArrayList<>();
    try (MappingIterator<Map<String, String>> it =
        mapper.readerFor(Map.class).with(CsvSchema.emptySchema().withHeader()).readValues(text)) {
      while (it.hasNextValue()) {
        Map<String, String> raw = it.nextValue();
        int line = it.getCurrentLocation().getLineNr();
        if (rows.isEmpty()
            && problems.isEmpty()
            && (!raw.containsKey("expr") || !raw.containsKey("measured_ms"))) {
          return failed(
              name,
              text,
              "the header needs the columns expr and measured_ms, found " + raw.keySet());
        }
        row(name, text, line, raw, rows, problems);
      }
    } catch (IOException | RuntimeException e) {
      return failed(
          name,
          text,
          "malformed CSV: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
    }
    if (rows.isEmpty() && problems.isEmpty()) {
      // a header alone (or an empty file) would validate to "0 rows, NaN%" and fit nothing
      return failed(
          name,
          text,
          "no measurement rows: write a header with expr and measured_ms, then one row per"
              + " measurement");
    }
    return new Measurements(name, rows, problems);
  }

  private static void row(
      String name,
      String text,
      int line,
      Map<String, String> raw,
      List<Row> rows,
      List<Diagnostic> problems) {
    String expr = raw.getOrDefault("expr", "").strip();
    String measured = raw.getOrDefault("measured_ms", "").strip();
    int exprLine = Math.max(1, line - 1);
    SourceText lineSource = new SourceText(name, expr, exprLine);
    double ms;
    try {
      ms = Double.parseDouble(measured);
    } catch (NumberFormatException e) {
      problems.add(
          Diagnostic.error(
                  DiagnosticCode.BAD_VALUE,
                  "measured_ms must be a number, found '" + measured + "'",
                  new SourceText(name, text),
                  Span.at(0))
              .withNote("row on line " + exprLine));
      return;
    }
    if (!(ms > 0) || Double.isInfinite(ms)) {
      problems.add(
          Diagnostic.error(
              DiagnosticCode.BAD_VALUE,
              "measured_ms must be a positive, finite number of milliseconds, found " + measured,
              lineSource,
              Span.at(0)));
      return;
    }
    Map<String, String> columns = new LinkedHashMap<>(raw);
    columns.remove("expr");
    columns.remove("measured_ms");
    rows.add(new Row(exprLine, expr, ms, columns, lineSource));
  }

  private static Measurements failed(String name, String text, String message) {
    return new Measurements(
        name,
        List.of(),
        List.of(
            Diagnostic.error(
                DiagnosticCode.BAD_VALUE, message, new SourceText(name, text), Span.at(0))));
  }
}
