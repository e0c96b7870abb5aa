package dev.devq.view;

import dev.devq.lang.Expr;
import dev.devq.lang.unit.QuantityFormat;
import dev.devq.query.eval.Outcome;
import dev.devq.query.eval.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cases of a quantified check in words: "3 of 55 fail: ipad_8 4.75 ms >= 3 ms (+58%), …", then
 * the items whose answer is unknown: "1 of 6 unknown: iphone_17e (… has no battery capacity …)",
 * then the items that hold only at the estimate: "1 of 3 only at the estimate: iphone_x (not at the
 * pessimistic end of the 80% range: 31.7 ms is not < 30 ms)".
 */
public final class CaseText {
  private CaseText() {}

  public static String summary(Outcome.Cases cases, int maxShown) {
    int n = cases.tested();
    List<Outcome.Case> decisive = cases.decisive();
    List<Outcome.Case> unknown = cases.unknown();
    if (n == 0) {
      return cases.filtered() ? "no item passed the 'where' filter" : "the list is empty";
    }
    if (cases.kind() == Expr.QuantifierKind.ANY) {
      if (!decisive.isEmpty()) {
        return "witness: " + one(decisive.get(0));
      }
      int known = n - unknown.size();
      return unknown.isEmpty()
          ? "none of " + n + " holds"
          : (known == 0 ? "" : "none of the " + known + " known holds; ")
              + unknownListed(unknown, n, maxShown);
    }
    List<String> parts = new ArrayList<>();
    if (decisive.isEmpty() && unknown.isEmpty()) {
      parts.add("all " + n + " hold");
    }
    if (!decisive.isEmpty()) {
      parts.add(listed(decisive, n, "fail", maxShown, false));
    }
    if (!unknown.isEmpty()) {
      parts.add(unknownListed(unknown, n, maxShown));
    }
    if (!cases.onlyAtEstimate().isEmpty()) {
      parts.add(listed(cases.onlyAtEstimate(), n, "only at the estimate", maxShown, true));
    }
    return String.join("; ", parts);
  }

  /**
   * "3 of 55 fail: a, b, c", the first {@code maxShown} named; {@code caveat}: each by its name and
   * why it holds only at the estimate.
   */
  private static String listed(
      List<Outcome.Case> cases, int n, String what, int maxShown, boolean caveat) {
    List<String> shown = new ArrayList<>();
    for (int i = 0; i < Math.min(maxShown, cases.size()); i++) {
      Outcome.Case c = cases.get(i);
      shown.add(caveat ? name(c) + " (" + c.margin().caveat() + ")" : one(c));
    }
    String more =
        cases.size() > shown.size() ? ", and " + (cases.size() - shown.size()) + " more" : "";
    return cases.size() + " of " + n + " " + what + ": " + String.join(", ", shown) + more;
  }

  /**
   * "39 of 64 unknown: imac_24_m3, ipad_a16 and 37 more (d.app_memory_limit_entitled is unknown)":
   * the items grouped by why they are unknown, each reason said once after its items, in the order
   * they first appear; the first {@code maxShown} items named, the rest counted in their group.
   */
  private static String unknownListed(List<Outcome.Case> cases, int n, int maxShown) {
    Map<String, List<String>> byReason = new LinkedHashMap<>();
    for (Outcome.Case c : cases) {
      byReason.computeIfAbsent(c.unknown(), k -> new ArrayList<>()).add(name(c));
    }
    List<String> groups = new ArrayList<>();
    int named = 0;
    int unnamed = 0;
    for (var group : byReason.entrySet()) {
      List<String> items = group.getValue();
      int shown = Math.min(items.size(), maxShown - named);
      if (shown <= 0) {
        unnamed += items.size();
        continue;
      }
      named += shown;
      String more = items.size() > shown ? " and " + (items.size() - shown) + " more" : "";
      groups.add(String.join(", ", items.subList(0, shown)) + more + " (" + group.getKey() + ")");
    }
    String rest = unnamed > 0 ? ", and " + unnamed + " more" : "";
    return cases.size() + " of " + n + " unknown: " + String.join(", ", groups) + rest;
  }

  /** One item: its name, then the sides with the operator that did hold, then the margin. */
  public static String one(Outcome.Case c) {
    String item = name(c);
    if (!c.known()) {
      return item + " (" + c.unknown() + ")";
    }
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
    List<String> notes = new ArrayList<>();
    if (c.margin().present() && !Double.isNaN(c.margin().fraction())) {
      double pct = c.margin().fraction() * 100;
      notes.add(
          c.pass()
              ? QuantityFormat.number(pct) + "% to spare"
              : "+" + QuantityFormat.number(-pct) + "%");
    }
    if (c.margin().onlyAtEstimate()) {
      notes.add(c.margin().caveat());
    }
    if (!notes.isEmpty()) {
      out.append(" (").append(String.join("; ", notes)).append(')');
    }
    return out.toString();
  }

  private static String name(Outcome.Case c) {
    return c.item() instanceof Value.EntityV e ? e.entity().id() : TextRender.value(c.item());
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
