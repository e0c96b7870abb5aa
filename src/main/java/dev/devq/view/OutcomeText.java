package dev.devq.view;

import dev.devq.lang.CharacterNames;
import dev.devq.lang.SourceText;
import dev.devq.query.eval.Outcome;
import dev.devq.query.eval.Value;
import java.util.ArrayList;
import java.util.List;

/** Statement outcomes as text: values, bindings, PASS/FAIL lines, and hole fillings. */
public final class OutcomeText {
  private OutcomeText() {}

  public static String render(Outcome o, SourceText source, boolean withPosition) {
    if (o instanceof Outcome.Let let) {
      return withNotes(let.name() + " = " + TextRender.value(let.value()), let, "\n");
    }
    if (o instanceof Outcome.Shown s) {
      return withNotes(TextRender.value(s.value()), s, "\n");
    }
    if (o instanceof Outcome.Check c) {
      return check(c, source, withPosition);
    }
    var h = (Outcome.HoleFill) o;
    return withNotes(holes(h), h, "\n");
  }

  /**
   * The text, then on lines of their own an older release a range it shows allows for, and what was
   * left out: what cannot run, the cells whose row failed.
   */
  private static String withNotes(String text, Outcome o, String indent) {
    List<String> lines = notes(o);
    return lines.isEmpty() ? text : text + indent + String.join(indent, lines);
  }

  /**
   * The lines under an outcome's value: what its ranges say of themselves ({@link RangeNote}), then
   * what it left out ({@link LeftOutText}).
   */
  public static List<String> notes(Outcome o) {
    List<String> lines = new ArrayList<>(RangeNote.lines(o));
    lines.addAll(LeftOutText.lines(o.leftOut()));
    return lines;
  }

  /** The counterexamples a text report shows before "and N more". */
  public static final int CASES_SHOWN = 5;

  public static String check(Outcome.Check c, SourceText source, boolean withPosition) {
    return check(c, source, withPosition, CASES_SHOWN);
  }

  /** A PASS/FAIL line, its sides and margin, and up to {@code maxCases} counterexamples. */
  public static String check(
      Outcome.Check c, SourceText source, boolean withPosition, int maxCases) {
    var out = new StringBuilder(c.pass() ? "PASS" : "FAIL");
    if (withPosition) {
      // a file name's control characters would act on the terminal or the CI log, as a label's
      out.append("  ")
          .append(CharacterNames.visible(source.name()))
          .append(':')
          .append(source.line(c.span().start()));
    }
    String what =
        c.label().isEmpty() ? source.slice(c.span()).replaceAll("\\s+", " ").strip() : c.label();
    // a label's control or bidirectional characters would break or reorder the line a CI log shows
    out.append("  ").append(CharacterNames.visible(what));
    // a side that cannot run has no figures to set against the other: the reason says it all
    boolean refused = c.operands().stream().anyMatch(Value.CannotRunV.class::isInstance);
    if (!c.ops().isEmpty() && !refused) {
      out.append("\n      ").append(sides(c));
      if (c.margin().present()) {
        out.append(", ").append(c.margin().text());
      }
    }
    if (c.cases().quantified()) {
      out.append("\n      ").append(CaseText.summary(c.cases(), maxCases));
    }
    if (!c.pass() && !c.dominated().isEmpty()) {
      out.append("\n      ").append(c.dominated());
    }
    if (c.isUnknown() && !c.cases().quantified()) {
      // a quantified check names its unknown items with the cases already
      out.append("\n      ").append(unknown(c));
    }
    return withNotes(out.toString(), c, "\n      ");
  }

  /**
   * A check's sides joined by their operators, the failing link read "is not": {@code 15.3 ms is
   * not < 5 ms}. A side that cannot run reads "cannot run" (the margin cell says why).
   */
  public static String sides(Outcome.Check c) {
    var sides = new StringBuilder();
    for (int i = 0; i < c.operands().size(); i++) {
      if (i > 0 && i - 1 < c.ops().size()) {
        boolean holds = c.pass() || c.isUnknown() || pairHolds(c, i - 1);
        sides.append(holds ? " " : " is not ").append(c.ops().get(i - 1).symbol).append(' ');
      }
      Value v = c.operands().get(i);
      sides.append(v instanceof Value.CannotRunV ? "cannot run" : TextRender.value(v));
    }
    return sides.toString();
  }

  /** {@code unknown: d.battery_wh is unknown}: why a check's answer is unknown. */
  public static String unknown(Outcome.Check c) {
    return "unknown: " + c.unknown();
  }

  /**
   * Whether one link of a comparison chain may be written as holding, so only the failing link
   * reads "is not"; a link with an unknown side is not said to fail (the unknown line says why).
   */
  private static boolean pairHolds(Outcome.Check c, int i) {
    if (!(c.operands().get(i) instanceof Value.QuantityV a)
        || !(c.operands().get(i + 1) instanceof Value.QuantityV b)) {
      return false;
    }
    double x = a.quantity().value();
    double y = b.quantity().value();
    return Double.isNaN(x) || Double.isNaN(y) || c.ops().get(i).holds(x, y);
  }

  private static String holes(Outcome.HoleFill h) {
    List<String> lines = new ArrayList<>();
    if (h.isCheck()) {
      List<String> yes = new ArrayList<>();
      for (int i = 0; i < h.targets().size(); i++) {
        if (h.values().get(i) instanceof Value.BoolV b && b.isTrue()) {
          yes.add(h.targets().get(i).entity().id());
        }
      }
      return yes.isEmpty()
          ? "no target satisfies it"
          : yes.size() + " targets satisfy it:\n" + inColumns(yes);
    }
    for (int i = 0; i < h.targets().size(); i++) {
      lines.add(
          TextRender.pad(h.targets().get(i).entity().id(), 24)
              + TextRender.value(h.values().get(i)));
    }
    return String.join("\n", lines);
  }

  /** Lines of ids no wider than this many columns, as a terminal of 100 shows them unbroken. */
  private static final int ID_LINE_WIDTH = 100;

  /**
   * {@code ids} in columns read downward, as {@code ls} lists a folder, each line indented two
   * spaces: a hole over every device and chip answers 150 ids, which one a line scrolled off the
   * screen.
   */
  private static String inColumns(List<String> ids) {
    int width = ids.stream().mapToInt(String::length).max().orElse(0) + 2;
    int columns = Math.max(1, (ID_LINE_WIDTH - 2) / width);
    int rows = (ids.size() + columns - 1) / columns;
    List<String> lines = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      StringBuilder line = new StringBuilder("  ");
      for (int c = 0; c < columns; c++) {
        int i = c * rows + r;
        if (i < ids.size()) {
          boolean last = i + rows >= ids.size() || c == columns - 1;
          line.append(last ? ids.get(i) : TextRender.pad(ids.get(i), width));
        }
      }
      lines.add(line.toString());
    }
    return String.join("\n", lines);
  }
}
