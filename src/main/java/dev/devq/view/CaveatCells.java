package dev.devq.view;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.devq.query.eval.Caveat;
import dev.devq.query.eval.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cells of a table whose estimate rests on a caveat ({@link Caveat}): a cell shows only its
 * figure, so what it rests on goes under the table, one line per column and kind of caveat naming
 * the rows, so twenty iPhones that need the increased-memory-limit entitlement give one line:
 *
 * <pre>{@code
 * latency(m, d) in 2 rows (d = iphone_15_pro; d = iphone_16): needs the increased-memory-limit
 * entitlement (com.apple.developer.kernel.increased-memory-limit)
 * }</pre>
 *
 * <p>A row is named by its first column ({@code d = iphone_15_pro}) unless that column is one of
 * those cells; then by its number ({@code row 2}). JSON gives each cell's caveat in full.
 */
final class CaveatCells {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private CaveatCells() {}

  /** One cell's caveat: its row and column, and the caveat. */
  private record Cell(int row, int column, Caveat caveat) {}

  /**
   * The lines under the table, one per column and kind of caveat in the order met (a column's rows
   * are exactly those whose cell carries it); none when none.
   */
  static List<String> lines(Value.TableV table) {
    Map<List<Object>, List<Cell>> byColumnAndBrief = new LinkedHashMap<>();
    for (Cell c : cells(table)) {
      byColumnAndBrief
          .computeIfAbsent(List.of(c.column(), c.caveat().brief()), k -> new ArrayList<>())
          .add(c);
    }
    List<String> lines = new ArrayList<>();
    byColumnAndBrief.forEach(
        (key, cells) -> lines.add(line(table, cells, cells.get(0).caveat().brief())));
    return lines;
  }

  /**
   * The same cells for JSON: {@code [{"row": 1, "column": "latency(m, d)", "caveat": {…}}]}, rows
   * counted from 0 as in {@code rows}, each caveat as a quantity's {@code caveats} gives it; null
   * when none.
   */
  static ArrayNode json(Value.TableV table) {
    List<Cell> cells = cells(table);
    if (cells.isEmpty()) {
      return null;
    }
    ArrayNode a = F.arrayNode();
    for (Cell c : cells) {
      ObjectNode o = a.addObject();
      o.put("row", c.row());
      o.put("column", table.headers().get(c.column()));
      o.set("caveat", RangeJson.caveat(c.caveat()));
    }
    return a;
  }

  private static List<Cell> cells(Value.TableV table) {
    List<Cell> cells = new ArrayList<>();
    for (int r = 0; r < table.rows().size(); r++) {
      List<Value> row = table.rows().get(r);
      for (int c = 0; c < row.size(); c++) {
        if (row.get(c) instanceof Value.QuantityV q) {
          for (Caveat caveat : q.caveats()) {
            cells.add(new Cell(r, c, caveat));
          }
        }
      }
    }
    return cells;
  }

  /** {@code COLUMNS where ROW: BRIEF} or {@code COLUMNS in N rows (ROW; ROW; …): BRIEF}. */
  private static String line(Value.TableV table, List<Cell> cells, String brief) {
    return LeftOutText.cells(
            table,
            cells.stream().map(Cell::row).toList(),
            cells.stream().map(Cell::column).toList())
        + ": "
        + brief;
  }
}
