package dev.devq.view;

import dev.devq.lang.unit.QuantityFormat;
import dev.devq.query.eval.Value;
import java.util.List;
import java.util.stream.Collectors;
import org.jline.utils.WCWidth;

/** Values as people read them on a terminal. */
public final class TextRender {
  private TextRender() {}

  public static String value(Value v) {
    if (v instanceof Value.QuantityV q) {
      return q.ranged()
          // three digits in any unit, as its range has: 0.474987 ms beside 0.312–0.831 ms
          // claimed a certainty the range denies
          ? QuantityFormat.brief(q.quantity()) + " (80%: " + range(q) + ")"
          : QuantityFormat.format(q.quantity());
    }
    if (v instanceof Value.CannotRunV c) {
      return CannotRunText.value(c.why());
    }
    if (v instanceof Value.BoolV b) {
      return b.known() ? Boolean.toString(b.isTrue()) : "unknown";
    }
    if (v instanceof Value.StrV s) {
      return s.value();
    }
    if (v instanceof Value.EntityV e) {
      return e.entity().label();
    }
    if (v instanceof Value.ModelV m) {
      return m.model().label();
    }
    if (v instanceof Value.PipelineV p) {
      return p.pipeline().label();
    }
    if (v instanceof Value.WordV w) {
      return w.word().text();
    }
    if (v instanceof Value.ThermalV t) {
      return t.thermal().describe();
    }
    if (v instanceof Value.ListV l) {
      return list(l.items());
    }
    if (v instanceof Value.RecordV r) {
      return record(r);
    }
    if (v instanceof Value.TableV t) {
      return new TableView(t).text();
    }
    if (v instanceof Value.ExplainV x) {
      return ExplainTable.render(x.estimate(), x.kind().equals("placement"));
    }
    return v.toString();
  }

  /**
   * An estimate's 80% range, {@code 10.6–25 ms}: the unit once when both ends print in the same
   * unit.
   */
  public static String range(Value.QuantityV q) {
    return QuantityFormat.range(q.low(), q.high());
  }

  private static String list(List<Value> items) {
    if (items.stream().allMatch(i -> i instanceof Value.RecordV)) {
      return items.isEmpty()
          ? "(none)"
          : items.stream().map(TextRender::value).collect(Collectors.joining("\n"));
    }
    return items.stream().map(TextRender::value).collect(Collectors.joining(", ", "[", "]"));
  }

  private static String record(Value.RecordV r) {
    int width = r.fields().stream().mapToInt(f -> f.name().length()).max().orElse(0);
    var out = new StringBuilder(r.title());
    for (Value.Field f : r.fields()) {
      out.append("\n  ").append(pad(f.name(), width)).append("  ").append(value(f.value()));
      if (!f.source().isEmpty()) {
        out.append("  [").append(f.source()).append(']');
      }
    }
    return out.toString();
  }

  /** {@code s} and spaces up to {@code width} terminal columns ({@link #width}). */
  public static String pad(String s, int width) {
    int used = width(s);
    return used >= width ? s : s + " ".repeat(width - used);
  }

  /**
   * The terminal columns {@code s} takes, as the REPL's terminal library measures them: a combining
   * mark none, a wide character (CJK, most emoji) two, any other one. Counting UTF-16 units put a
   * row holding an emoji or an accent written as a combining mark out of line with the others.
   */
  public static int width(String s) {
    return s.codePoints().map(cp -> Math.max(0, WCWidth.wcwidth(cp))).sum();
  }
}
