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
 * CannotRunText#leftOut}), then one per column and reason for the table cells whose row failed, so
 * a hundred rows failing alike give one line: {@code unknown in 100 rows (r = 0; r = 1; …; and 95
 * more): model parameter 'resolution' must be …}. A reason is the error's message and its first
 * note. Then one line per filter for the items a {@code where} left out because whether it holds is
 * unknown, and one per key for the items an aggregate left out because their key is unknown ({@link
 * #unknownItems}), and one for the targets of a hole whose answer is unknown ({@link
 * #unknownTargets}).
 */
public final class LeftOutText {
  /** The rows a line names before "and N more", as the cannot-run line names targets. */
  private static final int SHOWN = CannotRunText.SHOWN;

  private LeftOutText() {}

  /** The lines, none when nothing was left out. */
  public static List<String> lines(List<LeftOut> all) {
    List<String> lines = new ArrayList<>();
    List<CannotRun> refused = LeftOut.refused(all);
    // rows by what failed and why; a row failing alike in one place twice counts once
    Map<String, Set<String>> failed = new LinkedHashMap<>();
    Map<String, LeftOut.FailedCell> firstOf = new LinkedHashMap<>();
    Map<String, List<LeftOut.UnknownItem>> unknownItems = new LinkedHashMap<>();
    List<LeftOut.UnknownTarget> unknownTargets = new ArrayList<>();
    for (LeftOut l : all) {
      l.accept(
          new LeftOut.Visitor<Void>() {
            @Override
            public Void visitRefused(LeftOut.Refused r) {
              return null; // all on one line, above
            }

            @Override
            public Void visitFailedCell(LeftOut.FailedCell f) {
              String group = f.part() + "\n" + f.column() + "\n" + reason(f);
              failed.computeIfAbsent(group, g -> new LinkedHashSet<>()).add(row(f.row()));
              firstOf.putIfAbsent(group, f);
              return null;
            }

            @Override
            public Void visitUnknownItem(LeftOut.UnknownItem u) {
              String group = u.of() + "\n" + u.expr();
              unknownItems.computeIfAbsent(group, g -> new ArrayList<>()).add(u);
              return null;
            }

            @Override
            public Void visitUnknownTarget(LeftOut.UnknownTarget u) {
              unknownTargets.add(u);
              return null;
            }
          });
    }
    if (!refused.isEmpty()) {
      lines.add(CannotRunText.leftOut(refused));
    }
    failed.forEach((group, rows) -> lines.add(failedLine(firstOf.get(group), List.copyOf(rows))));
    unknownItems.values().forEach(items -> lines.add(unknownItems(items)));
    if (!unknownTargets.isEmpty()) {
      lines.add(unknownTargets(unknownTargets));
    }
    return lines;
  }

  /**
   * {@code 1 item left out, unknown whether d.battery_wh > 10 Wh: d = iphone_17e (d.battery_wh is
   * unknown)} for a filter, {@code 1 item left out, its key is unknown: d = iphone_17e (…)} for an
   * aggregate's key: the items left out for want of a fact, each with why, as a check names its
   * unknown items; all share the filter or the key of the first.
   */
  public static String unknownItems(List<LeftOut.UnknownItem> all) {
    LeftOut.UnknownItem first = all.get(0);
    return counted(
        all.stream().map(u -> row(u.row()) + " (" + u.why() + ")").distinct().toList(),
        " item",
        switch (first.of()) {
          case FILTER -> " left out, unknown whether " + first.expr();
          case KEY -> " left out, its key is unknown";
        });
  }

  /**
   * {@code 1 target unknown: iphone_17e (iPhone 17e has no battery capacity …)}: the targets of a
   * hole whose answer is unknown, each with why, so none is missing from the list unsaid.
   */
  public static String unknownTargets(List<LeftOut.UnknownTarget> all) {
    return counted(
        all.stream().map(u -> u.target().entity().id() + " (" + u.why() + ")").distinct().toList(),
        " target",
        " unknown");
  }

  /** {@code N items WHAT: a, b, …, and K more}, naming the first few. */
  private static String counted(List<String> items, String noun, String what) {
    String more = items.size() > SHOWN ? ", and " + (items.size() - SHOWN) + " more" : "";
    return items.size()
        + noun
        + (items.size() == 1 ? "" : "s")
        + what
        + ": "
        + String.join(", ", items.subList(0, Math.min(SHOWN, items.size())))
        + more;
  }

  /**
   * One failed cell's line alone, as JSON's {@code text} gives it: {@code unknown where r = 0: …}.
   */
  public static String failed(LeftOut.FailedCell f) {
    return failedLine(f, List.of(row(f.row())));
  }

  /**
   * {@code unknown where r = 0: …} for the table's one computed column; {@code unknown memory(…)
   * where r = 0: …} naming one of several; {@code sorted last where r = 0 (by latency(…)): …} for
   * the sort key, whose value no column shows.
   */
  private static String failedLine(LeftOut.FailedCell f, List<String> rows) {
    String where = rows(rows);
    String line =
        switch (f.part()) {
          case SOLE_COLUMN -> "unknown " + where;
          case COLUMN -> "unknown " + f.column() + " " + where;
          case SORT_KEY -> "sorted last " + where + " (" + f.column() + ")";
        };
    return line + ": " + reason(f);
  }

  /**
   * {@code COLUMNS where ROW} or {@code COLUMNS in N rows (ROW; ROW; …)}: the cells of {@code
   * table} at {@code rows} × {@code columns} (each index from 0, in the order met). A row is named
   * by its first column ({@code m = resnet50}) unless that column is one of them; then by its
   * number ({@code row 2}).
   */
  static String cells(
      dev.devq.query.eval.Value.TableV table, List<Integer> rows, List<Integer> columns) {
    var distinctColumns = new java.util.LinkedHashSet<>(columns);
    boolean byFirstColumn = !distinctColumns.contains(0);
    var names = new java.util.LinkedHashSet<String>();
    for (int r : rows) {
      names.add(
          byFirstColumn
              ? table.headers().get(0) + " = " + TextRender.value(table.rows().get(r).get(0))
              : "row " + (r + 1));
    }
    List<String> labels = distinctColumns.stream().map(table.headers()::get).toList();
    return String.join(", ", labels) + " " + rows(List.copyOf(names));
  }

  /** {@code where r = 0}, or {@code in 100 rows (r = 0; r = 1; …; and 95 more)}. */
  static String rows(List<String> rows) {
    if (rows.size() == 1) {
      return "where " + rows.get(0);
    }
    String more = rows.size() > SHOWN ? "; and " + (rows.size() - SHOWN) + " more" : "";
    return "in "
        + rows.size()
        + " rows ("
        + String.join("; ", rows.subList(0, Math.min(SHOWN, rows.size())))
        + more
        + ")";
  }

  /** The error's message and its first note, the hint a reader acts on. */
  private static String reason(LeftOut.FailedCell f) {
    return f.error().brief();
  }

  /** A row by its bound variables: {@code r = 0, d = iphone_12}. */
  private static String row(List<LeftOut.Binding> row) {
    return row.stream()
        .map(b -> b.name() + " = " + TextRender.value(b.value()))
        .collect(Collectors.joining(", "));
  }
}
