package dev.devq.view;

import dev.devq.cost.CannotRun;
import dev.devq.query.eval.LeftOut;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a statement left out, in the lines every format shows under its value (text, Markdown, CSV
 * comments, the {@code text} of JSON): one line for the estimates that cannot run ({@link
 * CannotRunText#leftOut}), then one per message for the table cells whose row failed, so a hundred
 * rows failing alike give one line: {@code unknown in 100 rows (r = 0; r = 1; …; and 95 more):
 * model parameter 'resolution' must be …}.
 */
public final class LeftOutText {
  /** The rows a line names before "and N more". */
  public static final int SHOWN = CannotRunText.SHOWN;

  private LeftOutText() {}

  /** The lines, none when nothing was left out. */
  public static List<String> lines(List<LeftOut> all) {
    List<String> lines = new ArrayList<>();
    List<CannotRun> refused = new ArrayList<>();
    // rows by message; a row failing alike in two columns (a column and the sort key) counts once
    Map<String, Set<String>> failed = new LinkedHashMap<>();
    for (LeftOut l : all) {
      if (l instanceof LeftOut.Refused r) {
        refused.add(r.why());
      } else {
        var f = (LeftOut.FailedCell) l;
        failed.computeIfAbsent(f.message(), m -> new LinkedHashSet<>()).add(row(f.row()));
      }
    }
    if (!refused.isEmpty()) {
      lines.add(CannotRunText.leftOut(refused));
    }
    failed.forEach((message, rows) -> lines.add(failedLine(List.copyOf(rows), message)));
    return lines;
  }

  /**
   * One failed cell's line alone, as JSON's {@code text} gives it: {@code unknown where r = 0: …}.
   */
  public static String failed(LeftOut.FailedCell f) {
    return failedLine(List.of(row(f.row())), f.message());
  }

  private static String failedLine(List<String> rows, String message) {
    if (rows.size() == 1) {
      return "unknown where " + rows.get(0) + ": " + message;
    }
    String more = rows.size() > SHOWN ? "; and " + (rows.size() - SHOWN) + " more" : "";
    return "unknown in "
        + rows.size()
        + " rows ("
        + String.join("; ", rows.subList(0, Math.min(SHOWN, rows.size())))
        + more
        + "): "
        + message;
  }

  /** A row by its bound variables: {@code r = 0, d = iphone_12}. */
  private static String row(List<LeftOut.Binding> row) {
    return row.stream()
        .map(b -> b.name() + " = " + TextRender.value(b.value()))
        .collect(Collectors.joining(", "));
  }
}
