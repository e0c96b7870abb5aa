package dev.devq.calibrate;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.devq.kb.OsVersion;
import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import dev.devq.lang.Suggestions;
import dev.devq.lang.UserFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A CSV of measurements: a header with at least {@code expr} and {@code measured_ms}, one row per
 * measurement; other columns ({@code source}, {@code fidelity}, …) are kept as they are. Every
 * problem in a row points at the cell ({@code file:line:column}), and an expression's own errors
 * carry the file's positions too.
 */
public record Measurements(
    String file, List<Row> rows, List<Diagnostic> diagnostics, List<String> columns) {
  private static final CsvFactory CSV = new CsvFactory();

  public Measurements {
    rows = List.copyOf(rows);
    diagnostics = List.copyOf(diagnostics);
    columns = List.copyOf(columns);
  }

  /** Rows without the header they were read with (a subset of another set's rows). */
  public Measurements(String file, List<Row> rows, List<Diagnostic> diagnostics) {
    this(file, rows, diagnostics, List.of());
  }

  /**
   * One measurement; {@code line} is its line in the file, {@code exprSource} locates the
   * expression: its text is the expression after as many spaces as the cell is indented on its
   * line, so the expression's errors read the file's line and column. {@code measuredOn} is the
   * release its {@code method} or {@code notes} name ({@link MeasuredRelease}), null when they name
   * none.
   */
  public record Row(
      int line,
      String expr,
      double measuredMs,
      Map<String, String> columns,
      SourceText exprSource,
      OsVersion measuredOn) {
    /** A row whose release is read from its cells; one they cannot give is left out. */
    public Row(
        int line, String expr, double measuredMs, Map<String, String> columns, SourceText source) {
      this(line, expr, measuredMs, columns, source, MeasuredRelease.read(columns).release());
    }

    /** The whole expression in {@link #exprSource}. */
    public Span exprSpan() {
      int from = exprSource.text().length() - expr.length();
      return new Span(from, exprSource.text().length());
    }
  }

  /** A cell as read, with the offset in the file where its content starts. */
  private record Cell(String value, int offset) {}

  /**
   * The rows of several CSVs, in order: each row and each error keeps its own file's name, line and
   * column. The files must share their header (a grouping column such as {@code source} in only
   * some of them would group their rows apart) and none may be given twice; a file that cannot be
   * read, or breaks either rule, leaves no rows at all, only the errors.
   */
  public static Measurements read(List<Path> paths) {
    if (paths.size() == 1) {
      return read(paths.get(0));
    }
    List<String> names = new ArrayList<>();
    List<Row> rows = new ArrayList<>();
    List<Diagnostic> problems = new ArrayList<>();
    boolean refused = false;
    Set<Path> seen = new HashSet<>();
    Measurements first = null;
    for (Path path : paths) {
      SourceText where = new SourceText(path.toString(), "");
      if (!seen.add(path.toAbsolutePath().normalize())) {
        // its rows would count twice in every median and in the fit
        problems.add(error(where, 0, path + " is given twice: each file is read once"));
        refused = true;
        continue;
      }
      Measurements m = read(path);
      names.add(m.file());
      problems.addAll(m.diagnostics());
      refused |= m.rows().isEmpty() && !m.diagnostics().isEmpty();
      if (!m.rows().isEmpty() && first != null && !columns(first).equals(columns(m))) {
        // a column only some files have (source, fidelity) would group their rows apart
        problems.add(
            error(
                where,
                0,
                m.file()
                    + " has the columns "
                    + columns(m)
                    + " where "
                    + first.file()
                    + " has "
                    + columns(first)
                    + ": CSVs read together must share their header"));
        refused = true;
      }
      if (first == null && !m.rows().isEmpty()) {
        first = m;
      }
      rows.addAll(m.rows());
    }
    // a file that could not be read, or does not fit with the others, fails the whole set: its
    // rows were meant to count
    return new Measurements(
        String.join(" + ", names),
        refused ? List.of() : rows,
        problems,
        first == null ? List.of() : first.columns());
  }

  private static Set<String> columns(Measurements m) {
    return new TreeSet<>(m.columns());
  }

  private static Diagnostic error(SourceText file, int offset, String message) {
    return Diagnostic.error(DiagnosticCode.BAD_VALUE, message, file, Span.at(offset));
  }

  public static Measurements read(Path path) {
    String name = path.toString();
    String text;
    try {
      text = UserFile.text(path, UserFile.MAX_BYTES);
    } catch (UserFile.Refused e) {
      String hint = e.getMessage().contains("UTF-8") ? " (a CSV is expected)" : "";
      // a file the user named that cannot be read is bad input of its own kind (INPUT_FILE)
      Diagnostic unreadable =
          Diagnostic.error(
              DiagnosticCode.INPUT_FILE,
              "cannot read " + name + ": it " + e.getMessage() + hint,
              new SourceText(name, ""),
              Span.at(0));
      return new Measurements(name, List.of(), List.of(unreadable));
    }
    SourceText file = new SourceText(name, text);
    if (text.isBlank()) {
      // the parser's words for it were "Empty header line: can not bind data"
      return failed(file, 0, NO_ROWS);
    }
    List<Row> rows = new ArrayList<>();
    List<Diagnostic> problems = new ArrayList<>();
    List<String> columns = List.of();
    try (CsvParser p = CSV.createParser(text)) {
      p.setSchema(CsvSchema.emptySchema().withHeader());
      Map<String, Cell> raw = new LinkedHashMap<>();
      int rowStart = 0;
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (t == JsonToken.START_OBJECT) {
          if (rows.isEmpty() && problems.isEmpty()) {
            columns = columnNames(p.getSchema());
            String header = headerProblem(columns);
            if (!header.isEmpty()) {
              return failed(file, headerCellOffset(text, secondOccurrence(columns)), header);
            }
          }
          raw.clear();
          rowStart = -1;
        } else if (t == JsonToken.VALUE_STRING) {
          int at = (int) p.currentTokenLocation().getCharOffset();
          rowStart = rowStart < 0 ? at : rowStart;
          raw.put(p.currentName(), new Cell(p.getText(), contentOffset(text, at)));
        } else if (t == JsonToken.END_OBJECT) {
          row(file, Math.max(0, rowStart), raw, rows, problems);
        }
      }
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      int offset = at == null ? 0 : (int) Math.max(0, at.getCharOffset());
      String why = firstLine(e.getOriginalMessage());
      if (why.startsWith("Too many entries")) {
        // almost always an expression with commas left unquoted; the parser's own words
        // ("value #2 (1 chars)") do not say that
        return failed(
            file,
            text.lastIndexOf('\n', Math.max(0, Math.min(offset, text.length()) - 1)) + 1,
            "this row has more cells than the header has columns: quote a cell that contains"
                + " commas, e.g. \"latency(mobilenet_v2, a16)\",0.5");
      }
      return failed(file, offset, "malformed CSV: " + why);
    } catch (IOException | RuntimeException e) {
      return failed(file, 0, "malformed CSV: " + firstLine(e.getMessage()));
    }
    if (rows.isEmpty() && problems.isEmpty()) {
      // a header alone (or an empty file) would validate to "0 rows, NaN%" and fit nothing
      return failed(file, 0, NO_ROWS);
    }
    return new Measurements(name, rows, problems, columns);
  }

  private static final String NO_ROWS =
      "no measurement rows: write a header with expr and measured_ms, then one row per"
          + " measurement";

  private static final List<String> REQUIRED = List.of("expr", "measured_ms");

  /** A plain decimal, as a table of measurements writes one: {@code 0.48}, {@code 1.2e3}. */
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");

  /**
   * The shortest and longest latencies a row may measure, in ms: 1 ns to a day. Outside them no
   * device's prediction is compared: an error against 1e-307 ms is an infinite percentage.
   */
  private static final double SHORTEST_MS = 1e-6;

  private static final double LONGEST_MS = 86_400_000;

  /**
   * What is wrong with the header, or empty: a required column missing (with the column written
   * nearest to it), or a column named twice, of which the last one's cells were read silently.
   */
  private static String headerProblem(List<String> columns) {
    int again = secondOccurrence(columns);
    if (again > 0) {
      return "the header names the column '"
          + columns.get(again)
          + "' twice: which one to read is unclear";
    }
    List<String> missing = REQUIRED.stream().filter(c -> !columns.contains(c)).toList();
    if (missing.isEmpty()) {
      return "";
    }
    String message = "the header needs the columns expr and measured_ms, found " + columns;
    for (String c : columns) {
      String near = Suggestions.closest(c, missing);
      if (!near.isEmpty()) {
        return message + "; is '" + c + "' meant to be '" + near + "'?";
      }
    }
    return message;
  }

  /**
   * The index of the first column named again, or 0 when every name is given once (the first column
   * is never named again).
   */
  private static int secondOccurrence(List<String> columns) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.subList(0, i).contains(columns.get(i))) {
        return i;
      }
    }
    return 0;
  }

  /**
   * Where the header's cell {@code index} starts, counting commas outside quotes, so that a column
   * named twice is shown at its second name rather than at 1:1.
   */
  private static int headerCellOffset(String text, int index) {
    boolean quoted = false;
    int cell = 0;
    for (int at = 0; at < text.length() && cell < index; at++) {
      char c = text.charAt(at);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '\n' && !quoted) {
        return 0;
      } else if (c == ',' && !quoted && ++cell == index) {
        return contentOffset(text, at + 1);
      }
    }
    return 0;
  }

  private static List<String> columnNames(CsvSchema header) {
    List<String> names = new ArrayList<>();
    header.forEach(c -> names.add(c.getName()));
    return names;
  }

  /** Where a cell's content starts: after an opening quote and leading blanks. */
  private static int contentOffset(String text, int offset) {
    int at = Math.max(0, Math.min(offset, text.length()));
    if (at < text.length() && text.charAt(at) == '"') {
      at++;
    }
    while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
      at++;
    }
    return at;
  }

  private static void row(
      SourceText file, int rowStart, Map<String, Cell> raw, List<Row> rows, List<Diagnostic> out) {
    Cell exprCell = raw.getOrDefault("expr", new Cell("", rowStart));
    Cell measuredCell = raw.get("measured_ms");
    int line = file.line(exprCell.offset());
    if (measuredCell == null) {
      out.add(bad(file, rowStart, 1, "the row has no measured_ms cell"));
      return;
    }
    String expr = exprCell.value().strip();
    String measured = measuredCell.value().strip();
    double ms;
    try {
      if (!DECIMAL.matcher(measured).matches()) {
        // Java's own syntax (0x1p3, 0.48f, NaN) is not a number a table of latencies writes
        throw new NumberFormatException(measured);
      }
      ms = Double.parseDouble(measured);
    } catch (NumberFormatException e) {
      out.add(
          bad(
              file,
              measuredCell.offset(),
              measured.length(),
              "measured_ms must be a number, found '" + measured + "'"));
      return;
    }
    if (!(ms >= SHORTEST_MS && ms <= LONGEST_MS)) {
      out.add(
          bad(
              file,
              measuredCell.offset(),
              measured.length(),
              "measured_ms must be a latency from 1 ns (0.000001) to a day (86400000) in"
                  + " milliseconds, found "
                  + measured));
      return;
    }
    Map<String, String> columns = new LinkedHashMap<>();
    raw.forEach((k, v) -> columns.put(k, v.value()));
    columns.remove("expr");
    columns.remove("measured_ms");
    MeasuredRelease.Reading release = MeasuredRelease.read(columns);
    if (release.refused()) {
      // where the cell's text starts, plus where in it the release is written (a doubled quote
      // before it would shift this by one)
      int at = raw.get(release.column()).offset() + release.from();
      out.add(bad(file, at, release.to() - release.from(), release.problem()));
      return;
    }
    String indent = " ".repeat(file.column(exprCell.offset()) - 1);
    rows.add(
        new Row(
            line,
            expr,
            ms,
            columns,
            new SourceText(file.name(), indent + expr, line),
            release.release()));
  }

  private static Diagnostic bad(SourceText file, int offset, int length, String message) {
    return Diagnostic.error(
        DiagnosticCode.BAD_VALUE, message, file, new Span(offset, offset + Math.max(1, length)));
  }

  private static String firstLine(String message) {
    return String.valueOf(message).lines().findFirst().orElse("");
  }

  private static Measurements failed(SourceText file, int offset, String message) {
    return new Measurements(file.name(), List.of(), List.of(error(file, offset, message)));
  }
}
