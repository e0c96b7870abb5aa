package dev.devq.view;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.devq.cost.OutOfScope;
import dev.devq.query.eval.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cells of a table that are unknown because they read an end of an 80% range the estimate does
 * not have ({@code latency(m, d, runtime = llama_cpp).high} of a one-pass model): a table cell
 * shows only {@code unknown}, so the reason goes under the table, one line per reason, in the words
 * a check gives its unknown items ({@link OutOfScope#endUnknown}), so ten models of one kind give
 * one line:
 *
 * <pre>{@code
 * unknown latency(m, m4_max, runtime = llama_cpp).high where m = resnet50: no 80% range: llama.cpp's
 * measurements on the GPU are all of decoder LLMs (llama_2_7b, llama_3_1_8b), none of a one-pass model
 * }</pre>
 *
 * <p>A row is named by its first column ({@code m = resnet50}) unless that column is one of the
 * unknown ones; then by its number ({@code row 2}).
 */
final class UnknownCells {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private UnknownCells() {}

  /** One unknown cell: its row and column, and why. */
  private record Cell(int row, int column, OutOfScope why) {}

  /** The lines under the table, one per reason in the order met; none when no cell is such. */
  static List<String> lines(Value.TableV table) {
    Map<String, List<Cell>> byReason = new LinkedHashMap<>();
    for (Cell c : cells(table)) {
      byReason.computeIfAbsent(c.why().endUnknown(), r -> new ArrayList<>()).add(c);
    }
    List<String> lines = new ArrayList<>();
    byReason.forEach((reason, cells) -> lines.add(line(table, cells, reason)));
    return lines;
  }

  /**
   * The same cells for JSON, whose table holds them as {@code null}: {@code [{"row": 1, "column":
   * "lo", "reason": "no 80% range: …"}]}, rows counted from 0 as in {@code rows}; null when none.
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
      o.put("reason", c.why().endUnknown());
    }
    return a;
  }

  private static List<Cell> cells(Value.TableV table) {
    List<Cell> cells = new ArrayList<>();
    for (int r = 0; r < table.rows().size(); r++) {
      List<Value> row = table.rows().get(r);
      for (int c = 0; c < row.size(); c++) {
        if (row.get(c) instanceof Value.QuantityV q
            && Double.isNaN(q.quantity().value())
            && q.outOfScope() != null) {
          cells.add(new Cell(r, c, q.outOfScope()));
        }
      }
    }
    return cells;
  }

  /** {@code unknown COLUMNS where ROW: REASON} or {@code … in N rows (ROW; ROW; …): REASON}. */
  private static String line(Value.TableV table, List<Cell> cells, String reason) {
    return "unknown "
        + LeftOutText.cells(
            table,
            cells.stream().map(Cell::row).toList(),
            cells.stream().map(Cell::column).toList())
        + ": "
        + reason;
  }
}
