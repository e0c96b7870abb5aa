package dev.devq.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.devq.query.eval.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Cells of a table that carry a note a cell has no room for (why it is unknown, what its estimate
 * rests on): the note goes under the table, one line per group of cells sharing it, and into JSON
 * one element per cell. {@link UnknownCells} and {@link CaveatCells} say which cells and notes.
 */
final class NotedCells {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private NotedCells() {}

  /** One cell's note: its row and column (counted from 0), and the note. */
  record Cell<T>(int row, int column, T note) {}

  /**
   * One line per group in the order met, each {@code PREFIX COLUMNS where ROW: TEXT} or {@code
   * PREFIX COLUMNS in N rows (ROW; ROW; …): TEXT}; cells are in one group when {@code group} gives
   * them equal keys, and the group's text is its first cell's.
   */
  static <T> List<String> lines(
      Value.TableV table,
      List<Cell<T>> cells,
      Function<Cell<T>, Object> group,
      Function<T, String> text,
      String prefix) {
    Map<Object, List<Cell<T>>> groups = new LinkedHashMap<>();
    for (Cell<T> c : cells) {
      groups.computeIfAbsent(group.apply(c), k -> new ArrayList<>()).add(c);
    }
    List<String> lines = new ArrayList<>();
    for (List<Cell<T>> g : groups.values()) {
      lines.add(
          prefix
              + LeftOutText.cells(
                  table, g.stream().map(Cell::row).toList(), g.stream().map(Cell::column).toList())
              + ": "
              + text.apply(g.get(0).note()));
    }
    return lines;
  }

  /**
   * The cells for JSON, {@code [{"row": 1, "column": "latency(m, d)", FIELD: …}]}, rows counted
   * from 0 as in the table's {@code rows}; null when there are none.
   */
  static <T> ArrayNode json(
      Value.TableV table, List<Cell<T>> cells, String field, Function<T, JsonNode> value) {
    if (cells.isEmpty()) {
      return null;
    }
    ArrayNode a = F.arrayNode();
    for (Cell<T> c : cells) {
      ObjectNode o = a.addObject();
      o.put("row", c.row());
      o.put("column", table.headers().get(c.column()));
      o.set(field, value.apply(c.note()));
    }
    return a;
  }
}
