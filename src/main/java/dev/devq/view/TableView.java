package dev.devq.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.devq.lang.unit.Dimension;
import dev.devq.lang.unit.Quantity;
import dev.devq.lang.unit.QuantityFormat;
import dev.devq.query.eval.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A table result in each format: aligned text, RFC 4180 CSV, a Markdown table, and JSON ({@code
 * {"kind": "table", "columns": [{"label", "unit"}], "rows": [[…]]}}).
 *
 * <p>A column whose cells are all quantities of one dimension is numeric: it gets one unit, named
 * in its header ({@code latency (ms)}), so its numbers compare at a glance. That unit is the one
 * the query asked for ({@code in µs}), else the readable unit of the column's median value; JSON
 * uses its one fixed unit per dimension instead. A cell the row could not compute is {@code
 * unknown} in text and Markdown, an empty field in CSV, and {@code null} in JSON; one unknown for
 * want of an 80% range says why under the table ({@link UnknownCells}), and in JSON's {@code
 * unknown_cells}.
 */
public final class TableView {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** One column: its header, and for a numeric column the dimension and display unit. */
  private record Column(String label, Dimension dimension, String unit) {
    boolean numeric() {
      return dimension != null;
    }

    String header() {
      return unit.isEmpty() ? label : label + " (" + unit + ")";
    }
  }

  private final Value.TableV table;
  private final List<Column> columns = new ArrayList<>();

  public TableView(Value.TableV table) {
    this.table = table;
    for (int c = 0; c < table.headers().size(); c++) {
      columns.add(column(table.headers().get(c), c));
    }
  }

  /**
   * Any value as a table: a table as it is, a list as one column, anything else as a one-row,
   * one-column table headed by {@code label} (what CSV and Markdown print for a plain value).
   */
  public static TableView of(Value v, String label) {
    if (v instanceof Value.TableV t) {
      return new TableView(t);
    }
    List<Value> cells = v instanceof Value.ListV l ? l.items() : List.of(v);
    return new TableView(new Value.TableV(List.of(label), cells.stream().map(List::of).toList()));
  }

  private Column column(String label, int c) {
    Dimension dimension = null;
    String explicit = "";
    List<Double> values = new ArrayList<>();
    for (List<Value> row : table.rows()) {
      if (!(row.get(c) instanceof Value.QuantityV q)) {
        return new Column(label, null, "");
      }
      if (Double.isNaN(q.quantity().value())) {
        continue;
      }
      if (dimension != null && !dimension.equals(q.quantity().dimension())) {
        return new Column(label, null, "");
      }
      dimension = q.quantity().dimension();
      explicit = explicit.isEmpty() ? q.quantity().displayUnit() : explicit;
      values.add(q.quantity().value());
    }
    if (dimension == null) {
      return new Column(label, null, "");
    }
    if (!explicit.isEmpty() || dimension.isNone()) {
      // a percentage column is headed (%) like any unit: CSV's numbers are in %, as JSON says
      return new Column(label, dimension, explicit);
    }
    double[] sorted = values.stream().mapToDouble(Math::abs).filter(x -> x > 0).sorted().toArray();
    double median = sorted.length == 0 ? 0 : sorted[sorted.length / 2];
    // the median's unit, unless a value it cannot write (1e300 h in ns is infinite, 1e-300 s in h
    // underflows): then JSON's fixed unit, then the base unit
    Quantity middle = Quantity.of(median, dimension);
    for (String unit :
        List.of(
            QuantityFormat.scaled(middle).unit(),
            JsonUnits.of(middle).unit(),
            QuantityFormat.inBaseUnits(middle).unit())) {
      if (writes(unit, dimension, values)) {
        return new Column(label, dimension, unit);
      }
    }
    return new Column(label, dimension, QuantityFormat.inBaseUnits(middle).unit());
  }

  /** Whether every value of a column is a finite, normal number in {@code unit}. */
  private static boolean writes(String unit, Dimension dimension, List<Double> values) {
    for (double v : values) {
      double x = QuantityFormat.scaled(Quantity.of(v, dimension).withDisplayUnit(unit)).value();
      if (!Double.isFinite(x) || v != 0 && Math.abs(x) < Double.MIN_NORMAL) {
        return false;
      }
    }
    return true;
  }

  /** A numeric cell in its column's unit, or the cell's own text. */
  private String cellText(Column col, Value v) {
    if (col.numeric() && v instanceof Value.QuantityV q) {
      if (col.unit().isEmpty()) {
        return QuantityFormat.format(q.quantity());
      }
      return QuantityFormat.number(
          QuantityFormat.scaled(q.quantity().withDisplayUnit(col.unit())).value());
    }
    if (v instanceof Value.QuantityV q && Double.isNaN(q.quantity().value())) {
      return "unknown";
    }
    return TextRender.value(v).replace('\n', ' ');
  }

  /** Aligned columns under a header and a rule; numbers right-aligned. */
  public String text() {
    List<String[]> lines = lines();
    int[] width = new int[columns.size()];
    for (String[] line : lines) {
      for (int c = 0; c < width.length; c++) {
        width[c] = Math.max(width[c], TextRender.width(line[c]));
      }
    }
    var out = new StringBuilder();
    for (int r = 0; r < lines.size(); r++) {
      var line = new StringBuilder();
      for (int c = 0; c < width.length; c++) {
        String cell = lines.get(r)[c];
        String gap = " ".repeat(width[c] - TextRender.width(cell));
        line.append(c == 0 ? "" : "  ");
        line.append(
            columns.get(c).numeric() ? gap + cell : c == width.length - 1 ? cell : cell + gap);
      }
      out.append(line.toString().stripTrailing()).append('\n');
      if (r == 0) {
        out.append("-".repeat(Arrays.stream(width).sum() + 2 * (width.length - 1))).append('\n');
      }
    }
    if (table.rows().isEmpty()) {
      out.append("(no rows)\n");
    }
    return out.substring(0, out.length() - 1);
  }

  /** The header, then one array of cell texts per row. */
  private List<String[]> lines() {
    List<String[]> lines = new ArrayList<>();
    lines.add(columns.stream().map(Column::header).toArray(String[]::new));
    for (List<Value> row : table.rows()) {
      String[] cells = new String[columns.size()];
      for (int c = 0; c < cells.length; c++) {
        cells[c] = cellText(columns.get(c), row.get(c));
      }
      lines.add(cells);
    }
    return lines;
  }

  /** A Markdown table: numeric columns right-aligned, {@code |} escaped. */
  public String markdown() {
    var out = new StringBuilder();
    List<String[]> lines = lines();
    for (int r = 0; r < lines.size(); r++) {
      out.append('|');
      for (String cell : lines.get(r)) {
        out.append(' ').append(cell.replace("|", "\\|")).append(" |");
      }
      out.append('\n');
      if (r == 0) {
        out.append('|');
        columns.forEach(c -> out.append(c.numeric() ? " ---: |" : " --- |"));
        out.append('\n');
      }
    }
    if (table.rows().isEmpty()) {
      // a header alone renders as an empty grid a reader may take for a rendering fault, as text
      out.append("\n(no rows)\n");
    }
    return out.toString();
  }

  /**
   * CSV as RFC 4180 has it (CRLF line ends, fields with a comma, quote or line break quoted, quotes
   * doubled), units in the header, numbers as plain decimals in the column's unit.
   */
  public String csv() {
    var out = new StringBuilder();
    out.append(csvRow(columns.stream().map(Column::header).toList()));
    for (List<Value> row : table.rows()) {
      List<String> fields = new ArrayList<>();
      for (int c = 0; c < columns.size(); c++) {
        fields.add(csvCell(columns.get(c), row.get(c)));
      }
      out.append(csvRow(fields));
    }
    return out.toString();
  }

  /**
   * One CSV record of RFC 4180: fields quoted where they must be, ended by CRLF; a text field a
   * spreadsheet would run as a formula is guarded ({@link #field}).
   */
  public static String csvRow(List<String> fields) {
    return String.join(",", fields.stream().map(TableView::field).toList()) + "\r\n";
  }

  private String csvCell(Column col, Value v) {
    if (v instanceof Value.QuantityV q && Double.isNaN(q.quantity().value())
        || v instanceof Value.BoolV b && !b.known()) {
      return "";
    }
    if (col.numeric() && v instanceof Value.QuantityV q) {
      // a column without a unit is a plain count: 2500000, never the 2.5 of text's "2.5M"
      double x =
          col.unit().isEmpty()
              ? QuantityFormat.inBaseUnits(q.quantity()).value()
              : QuantityFormat.scaled(q.quantity().withDisplayUnit(col.unit())).value();
      return JsonRender.decimal(x).toPlainString();
    }
    return TextRender.value(v);
  }

  /**
   * One field; a field a spreadsheet would run as a formula ({@link #runsAsFormula}) gets a leading
   * {@code '} and quotes, and opens as the text it is.
   */
  static String field(String s) {
    if (runsAsFormula(s)) {
      return "\"'" + s.replace("\"", "\"\"") + '"';
    }
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      return '"' + s.replace("\"", "\"\"") + '"';
    }
    return s;
  }

  /**
   * Whether Excel or LibreOffice would run a CSV field as a formula ({@code =HYPERLINK(…)} from a
   * query's string or label): its first character is {@code = + - @}, a tab or a carriage return,
   * after any spaces, which LibreOffice trims. A plain number ({@code -3.5}) runs nothing and stays
   * a number.
   */
  static boolean runsAsFormula(String s) {
    return FORMULA_START.matcher(s).lookingAt() && !PLAIN_NUMBER.matcher(s.strip()).matches();
  }

  private static final Pattern FORMULA_START = Pattern.compile("\\s*[=+\\-@\t\r]");
  private static final Pattern PLAIN_NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

  /** The table as JSON; numbers in each column's JSON unit (its fixed unit, or the one asked). */
  public JsonNode json() {
    ObjectNode root = F.objectNode();
    root.put("kind", "table");
    ArrayNode cols = root.putArray("columns");
    List<String> units = new ArrayList<>();
    for (int c = 0; c < columns.size(); c++) {
      Column col = columns.get(c);
      String unit = col.numeric() ? jsonUnit(c) : null;
      units.add(unit);
      ObjectNode n = cols.addObject();
      n.put("label", col.label());
      n.put("unit", unit);
    }
    ArrayNode rows = root.putArray("rows");
    for (List<Value> row : table.rows()) {
      ArrayNode cells = rows.addArray();
      for (int c = 0; c < columns.size(); c++) {
        cells.add(jsonCell(units.get(c), row.get(c)));
      }
    }
    ArrayNode unknown = UnknownCells.json(table);
    if (unknown != null) {
      root.set("unknown_cells", unknown);
    }
    ArrayNode caveats = CaveatCells.json(table);
    if (caveats != null) {
      root.set("caveat_cells", caveats);
    }
    return root;
  }

  /**
   * A numeric column's JSON unit: the first unit a cell asked for or wrote ({@code in us}, {@code
   * %}), as the text's header takes it, else the dimension's one JSON unit.
   */
  private String jsonUnit(int c) {
    String unit = null;
    for (List<Value> row : table.rows()) {
      if (row.get(c) instanceof Value.QuantityV q && !Double.isNaN(q.quantity().value())) {
        if (!q.quantity().displayUnit().isEmpty()) {
          return JsonUnits.of(q.quantity()).unit();
        }
        unit = unit == null ? JsonUnits.of(q.quantity()).unit() : unit;
      }
    }
    return unit == null ? "" : unit;
  }

  private static JsonNode jsonCell(String unit, Value v) {
    if (v instanceof Value.QuantityV q) {
      double x = unit == null ? Double.NaN : JsonUnits.in(q.quantity(), unit);
      return Double.isNaN(q.quantity().value())
          ? F.nullNode()
          : unit == null ? JsonRender.value(v) : F.numberNode(JsonRender.decimal(x));
    }
    if (v instanceof Value.EntityV e) {
      return F.textNode(e.entity().label());
    }
    if (v instanceof Value.StrV s) {
      return F.textNode(s.value());
    }
    return JsonRender.value(v);
  }
}
