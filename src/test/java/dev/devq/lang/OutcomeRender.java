package dev.devq.lang;

import dev.devq.lang.unit.QuantityFormat;
import dev.devq.query.eval.LeftOut;
import dev.devq.query.eval.Outcome;
import dev.devq.query.eval.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Outcomes as compact text for the language's golden files. The CLI has its own, richer rendering;
 * this one keeps the language tests independent of it while still showing quantities exactly as
 * users read them ({@link QuantityFormat}).
 */
final class OutcomeRender {
  private OutcomeRender() {}

  static String render(SourceText source, List<Outcome> outcomes) {
    var out = new StringBuilder();
    for (Outcome o : outcomes) {
      out.append(source.line(o.span().start())).append(": ").append(outcome(o)).append('\n');
    }
    return out.toString();
  }

  private static String outcome(Outcome o) {
    if (o instanceof Outcome.Let let) {
      return "let " + let.name() + " = " + value(let.value());
    }
    if (o instanceof Outcome.Shown s) {
      return value(s.value()) + leftOut(s.leftOut());
    }
    if (o instanceof Outcome.Check c) {
      var sides = new StringBuilder();
      for (int i = 0; i < c.operands().size(); i++) {
        if (i > 0) {
          sides.append(' ').append(c.ops().get(i - 1).symbol).append(' ');
        }
        sides.append(value(c.operands().get(i)));
      }
      String text =
          (c.pass() ? "PASS" : "FAIL")
              + (c.label().isEmpty() ? "" : " \"" + c.label() + "\"")
              + "  "
              + sides;
      return (text
              + (c.margin().present() ? "; " + c.margin().text() : "")
              + (c.cases().quantified() ? "; " + cases(c.cases()) : "")
              + (c.pass() || c.dominated().isEmpty() ? "" : "; " + c.dominated())
              + (c.isUnknown() ? "; unknown: " + c.unknown() : "")
              + leftOut(c.leftOut()))
          .strip();
    }
    return holes((Outcome.HoleFill) o);
  }

  private static String cases(Outcome.Cases cases) {
    List<String> items = new ArrayList<>();
    for (Outcome.Case c : cases.decisive()) {
      items.add(c.item() instanceof Value.EntityV e ? e.entity().id() : value(c.item()));
    }
    return cases.decisive().size() + " of " + cases.tested() + " decisive " + items;
  }

  private static String holes(Outcome.HoleFill h) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < h.targets().size(); i++) {
      Value v = h.values().get(i);
      if (!h.isCheck()) {
        parts.add(h.targets().get(i).entity().id() + " " + value(v));
      } else if (v instanceof Value.BoolV b && b.isTrue()) {
        parts.add(h.targets().get(i).entity().id());
      }
    }
    return (h.isCheck() ? parts.size() + " targets satisfy it: " : "holes: ")
        + String.join(", ", parts)
        + leftOut(h.leftOut());
  }

  /**
   * What a statement left out: each model that cannot run on its target, each table cell whose row
   * failed by its column, row and message.
   */
  private static String leftOut(List<LeftOut> leftOut) {
    LeftOut.Visitor<String> item =
        new LeftOut.Visitor<>() {
          @Override
          public String visitRefused(LeftOut.Refused r) {
            return r.why().model() + " on " + r.why().target();
          }

          @Override
          public String visitFailedCell(LeftOut.FailedCell f) {
            return f.column()
                + " where "
                + f.row().stream()
                    .map(b -> b.name() + " = " + value(b.value()))
                    .collect(Collectors.joining(", "))
                + " ("
                + f.error().message()
                + ")";
          }

          @Override
          public String visitUnknownItem(LeftOut.UnknownItem u) {
            return u.row().stream()
                    .map(b -> b.name() + " = " + value(b.value()))
                    .collect(Collectors.joining(", "))
                + (u.of() == LeftOut.Of.FILTER ? " (unknown whether " : " (unknown key ")
                + u.expr()
                + ": "
                + u.why()
                + ")";
          }

          @Override
          public String visitUnknownTarget(LeftOut.UnknownTarget u) {
            return u.target().entity().id() + " (unknown: " + u.why() + ")";
          }
        };
    return leftOut.isEmpty()
        ? ""
        : "; left out "
            + leftOut.stream().map(l -> l.accept(item)).collect(Collectors.joining(", "));
  }

  static String value(Value v) {
    if (v instanceof Value.QuantityV q) {
      return QuantityFormat.format(q.quantity());
    }
    if (v instanceof Value.CannotRunV c) {
      return "cannot run: " + c.why().reason();
    }
    if (v instanceof Value.BoolV b) {
      return b.known() ? Boolean.toString(b.isTrue()) : "unknown (" + b.why() + ")";
    }
    if (v instanceof Value.StrV s) {
      return "\"" + s.value() + "\"";
    }
    if (v instanceof Value.EntityV e) {
      return e.entity().id();
    }
    if (v instanceof Value.ModelV m) {
      return m.model().label();
    }
    if (v instanceof Value.WordV w) {
      return w.word().text();
    }
    if (v instanceof Value.ThermalV t) {
      return t.thermal().describe();
    }
    if (v instanceof Value.ListV l) {
      return l.items().stream()
          .map(OutcomeRender::value)
          .collect(Collectors.joining(", ", "[", "]"));
    }
    if (v instanceof Value.RecordV r) {
      return r.kind()
          + " "
          + r.title()
          + " {"
          + r.fields().stream()
              .map(f -> f.name() + ": " + value(f.value()))
              .collect(Collectors.joining(", "))
          + "}";
    }
    if (v instanceof Value.TableV t) {
      return "table "
          + t.headers()
          + t.rows().stream()
              .map(r -> r.stream().map(OutcomeRender::value).collect(Collectors.joining(", ")))
              .collect(Collectors.joining("; ", " {", "}"));
    }
    var x = (Value.ExplainV) v;
    if (x.estimate() instanceof dev.devq.cost.Prediction est) {
      return x.kind()
          + " of "
          + est.model().label()
          + " on "
          + est.target().label()
          + ": "
          + est.layers().size()
          + " layers, "
          + est.fallbacks().size()
          + " fallbacks";
    }
    return x.kind() + " of " + x.estimate().label() + " on " + x.estimate().target().label();
  }
}
