package dev.devq.view;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.devq.cost.OutOfScope;
import dev.devq.query.eval.Value;
import java.util.ArrayList;
import java.util.List;

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
  private UnknownCells() {}

  /** The lines under the table, one per reason in the order met; none when no cell is such. */
  static List<String> lines(Value.TableV table) {
    return NotedCells.lines(
        table, cells(table), c -> c.note().endUnknown(), OutOfScope::endUnknown, "unknown ");
  }

  /**
   * The same cells for JSON, whose table holds them as {@code null}: {@code [{"row": 1, "column":
   * "lo", "reason": "no 80% range: …"}]}, rows counted from 0 as in {@code rows}; null when none.
   */
  static ArrayNode json(Value.TableV table) {
    return NotedCells.json(
        table, cells(table), "reason", why -> TextNode.valueOf(why.endUnknown()));
  }

  private static List<NotedCells.Cell<OutOfScope>> cells(Value.TableV table) {
    List<NotedCells.Cell<OutOfScope>> cells = new ArrayList<>();
    for (int r = 0; r < table.rows().size(); r++) {
      List<Value> row = table.rows().get(r);
      for (int c = 0; c < row.size(); c++) {
        if (row.get(c) instanceof Value.QuantityV q
            && Double.isNaN(q.quantity().value())
            && q.outOfScope() != null) {
          cells.add(new NotedCells.Cell<>(r, c, q.outOfScope()));
        }
      }
    }
    return cells;
  }
}
