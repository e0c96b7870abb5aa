package dev.devq.view;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.devq.query.eval.Caveat;
import dev.devq.query.eval.Value;
import java.util.ArrayList;
import java.util.List;

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
  private CaveatCells() {}

  /**
   * The lines under the table, one per column and kind of caveat in the order met (a column's rows
   * are exactly those whose cell carries it); none when none.
   */
  static List<String> lines(Value.TableV table) {
    return NotedCells.lines(
        table, cells(table), c -> List.of(c.column(), c.note().brief()), Caveat::brief, "");
  }

  /**
   * The same cells for JSON: {@code [{"row": 1, "column": "latency(m, d)", "caveat": {…}}]}, rows
   * counted from 0 as in {@code rows}, each caveat as a quantity's {@code caveats} gives it; null
   * when none.
   */
  static ArrayNode json(Value.TableV table) {
    return NotedCells.json(table, cells(table), "caveat", RangeJson::caveat);
  }

  private static List<NotedCells.Cell<Caveat>> cells(Value.TableV table) {
    List<NotedCells.Cell<Caveat>> cells = new ArrayList<>();
    for (int r = 0; r < table.rows().size(); r++) {
      List<Value> row = table.rows().get(r);
      for (int c = 0; c < row.size(); c++) {
        if (row.get(c) instanceof Value.QuantityV q) {
          for (Caveat caveat : q.caveats()) {
            cells.add(new NotedCells.Cell<>(r, c, caveat));
          }
        }
      }
    }
    return cells;
  }
}
