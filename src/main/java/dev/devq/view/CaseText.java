package dev.devq.view;

import dev.devq.lang.Expr;
import dev.devq.lang.unit.QuantityFormat;
import dev.devq.query.eval.Outcome;
import dev.devq.query.eval.Value;
import java.util.ArrayList;
import java.util.List;

/** The cases of a quantified check in words: "3 of 55 fail: ipad_8 4.75 ms >= 3 ms (+58%), …". */
public final class CaseText {
  private CaseText() {}

  public static String summary(Outcome.Cases cases, int maxShown) {
    int n = cases.tested();
    List<Outcome.Case> decisive = cases.decisive();
    if (cases.kind() == Expr.QuantifierKind.ANY) {
      return decisive.isEmpty()
          ? (n == 0 ? "no item passed the 'where' filter" : "none of " + n + " holds")
          : "witness: " + one(decisive.get(0));
    }
    if (decisive.isEmpty()) {
      return n == 0 ? "no item passed the 'where' filter" : "all " + n + " hold";
    }
    List<String> shown = new ArrayList<>();
    for (int i = 0; i < Math.min(maxShown, decisive.size()); i++) {
      shown.add(one(decisive.get(i)));
    }
    String more =
        decisive.size() > shown.size() ? ", and " + (decisive.size() - shown.size()) + " more" : "";
    return decisive.size() + " of " + n + " fail: " + String.join(", ", shown) + more;
  }

  /** One item: its name, then the sides with the operator that did hold, then the margin. */
  public static String one(Outcome.Case c) {
    String item =
        c.item() instanceof Value.EntityV e ? e.entity().id() : TextRender.value(c.item());
    if (c.operands().isEmpty()) {
      return item;
    }
    for (Value v : c.operands()) {
      if (v instanceof Value.CannotRunV refused) {
        return item + " " + CannotRunText.brief(refused.why());
      }
    }
    var out = new StringBuilder(item);
    for (int i = 0; i < c.operands().size(); i++) {
      if (i > 0) {
        Expr.CompareOp op = c.ops().get(i - 1);
        out.append(' ').append(c.pass() ? op.symbol : negated(op)).append(' ');
      } else {
        out.append(' ');
      }
      out.append(TextRender.value(c.operands().get(i)));
    }
    if (c.margin().present()) {
      double pct = c.margin().fraction() * 100;
      out.append(
          c.pass()
              ? " (" + QuantityFormat.number(pct) + "% to spare)"
              : " (+" + QuantityFormat.number(-pct) + "%)");
    }
    return out.toString();
  }

  private static String negated(Expr.CompareOp op) {
    return switch (op) {
      case LT -> ">=";
      case LE -> ">";
      case GT -> "<=";
      case GE -> "<";
      case EQ -> "!=";
      case NE -> "==";
    };
  }
}
