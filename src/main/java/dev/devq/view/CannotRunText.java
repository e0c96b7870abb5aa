package dev.devq.view;

import dev.devq.cost.CannotRun;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * "Cannot run" in words, the one text form every front end (eval, check, doc, REPL, JUnit, the
 * {@code text} field of JSON) shows: the value itself, one case of a quantified check, and the line
 * that says what a filter, aggregate or hole left out.
 */
public final class CannotRunText {
  /** The left-out estimates a line names before "and N more". */
  public static final int SHOWN = 5;

  private CannotRunText() {}

  /** {@code cannot run: llama_2_13b needs 26.9 GB; an app on iPhone 12 may use 2.1 GB}. */
  public static String value(CannotRun c) {
    return "cannot run: " + c.reason();
  }

  /**
   * One case of a quantified check, after its item: {@code cannot run (needs 26.9 GB; …)}, {@code
   * cannot run (no Mac with the M1 runs iOS)}.
   */
  public static String brief(CannotRun c) {
    return "cannot run ("
        + (c instanceof CannotRun.Memory m
            ? "needs " + m.needsText() + "; " + m.allowance()
            : c.reason())
        + ")";
  }

  /**
   * What a statement left out, in one line: by target when they share one ({@code 2 models cannot
   * run on iphone_12: …}), by model when they share one ({@code llama_2_13b (needs 26.9 GB) cannot
   * run on 3 targets: …}), else pair by pair; empty when nothing was left out. A release the target
   * never runs is said in the support rule's words.
   */
  public static String leftOut(List<CannotRun> all) {
    Map<String, CannotRun> distinct = new LinkedHashMap<>();
    all.forEach(c -> distinct.putIfAbsent(c.model() + " " + c.target(), c));
    List<CannotRun> cs = new ArrayList<>(distinct.values());
    if (cs.isEmpty()) {
      return "";
    }
    CannotRun first = cs.get(0);
    List<String> items = new ArrayList<>();
    String head;
    String tail = "";
    if (cs.stream().allMatch(c -> c.target().equals(first.target()))) {
      String kind =
          cs.stream().allMatch(c -> c.kind().equals(first.kind())) ? first.kind() : "model";
      head = count(cs.size(), kind) + " cannot run on " + first.target() + ": ";
      Set<String> why = new LinkedHashSet<>();
      for (CannotRun c : cs) {
        items.add(
            c instanceof CannotRun.Memory m ? m.model() + " needs " + m.needsText() : c.model());
        why.add(c instanceof CannotRun.Memory m ? m.allowance() : c.reason());
      }
      tail = "; " + String.join("; ", why);
    } else if (cs.stream().allMatch(c -> c.model().equals(first.model()))) {
      // a model too large for some targets needs the same memory on each of them
      String needs =
          cs.stream()
              .filter(CannotRun.Memory.class::isInstance)
              .map(c -> " (needs " + ((CannotRun.Memory) c).needsText() + ")")
              .findFirst()
              .orElse("");
      head = first.model() + needs + " cannot run on " + count(cs.size(), "target") + ": ";
      cs.forEach(
          c ->
              items.add(
                  c instanceof CannotRun.Memory m
                      ? c.target() + " allows " + m.allowsText()
                      : c.target() + " (" + c.reason() + ")"));
    } else {
      head = cs.size() + " cannot run: ";
      cs.forEach(
          c ->
              items.add(
                  c.model()
                      + " on "
                      + c.target()
                      + (c instanceof CannotRun.Memory m
                          ? " needs " + m.needsText() + " of " + m.allowsText()
                          : " (" + c.reason() + ")")));
    }
    String more = items.size() > SHOWN ? ", and " + (items.size() - SHOWN) + " more" : "";
    return head + String.join(", ", items.subList(0, Math.min(SHOWN, items.size()))) + more + tail;
  }

  /**
   * A line of text after a CSV table: a comment, {@code # } first and CRLF after, not a record, so
   * the table's columns stay as they are (readers skip it when told: pandas' {@code comment='#'},
   * R's {@code comment.char}). A spreadsheet splits it at its commas, so a piece that would run as
   * a formula there, quoted or not, gets a leading {@code '} ({@link TableView#runsAsFormula}, as a
   * field is guarded), and a line break in it (a query's string) cannot start a record.
   */
  public static String csvLine(String text) {
    String[] pieces = text.replaceAll("[\r\n]", " ").split(",", -1);
    for (int i = 1; i < pieces.length; i++) {
      String piece = pieces[i];
      // a quote first opens a quoted field: what a spreadsheet reads starts after it
      String read = piece.startsWith("\"") ? piece.substring(1) : piece;
      pieces[i] = TableView.runsAsFormula(read) ? "'" + piece : piece;
    }
    return "# " + String.join(",", pieces) + "\r\n";
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
