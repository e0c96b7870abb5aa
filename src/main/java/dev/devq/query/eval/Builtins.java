package dev.devq.query.eval;

import dev.devq.cost.Conditions;
import dev.devq.cost.Prediction;
import dev.devq.cost.Target;
import dev.devq.cost.Thermal;
import dev.devq.kb.NamedQuantity;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.unit.Dimensions;
import dev.devq.lang.unit.Quantity;
import dev.devq.lang.unit.QuantityFormat;
import dev.devq.model.Model;
import dev.devq.model.Transforms;
import dev.devq.query.check.Functions;
import dev.devq.query.check.Resolver;
import dev.devq.query.check.TypedExpr;
import java.util.List;

/** The built-in functions of the language. Arguments arrive checked and in signature order. */
final class Builtins {
  private Builtins() {}

  static Value call(Evaluator ev, TypedExpr.Call e) {
    if (Functions.isEstimate(e.function())) {
      return Estimates.call(ev, e);
    }
    List<TypedExpr> a = e.args();
    return switch (e.function()) {
      case "min", "max" -> extremum(ev, e);
      case "seq", "par" -> Estimates.pipeline(ev, e);
      case "size" -> bytes(model(ev, a.get(0)).weightBytes());
      case "frame" -> {
        Quantity rate = ev.quantity(ev.eval(a.get(0)), a.get(0).span());
        if (rate.value() <= 0) {
          throw ev.fail(
              DiagnosticCode.BAD_VALUE, "a frame rate must be positive", a.get(0).span(), "");
        }
        yield new Value.QuantityV(Quantity.of(1 / rate.value(), Dimensions.TIME));
      }
      case "budget" -> budget(ev, a.get(0));
      case "after" -> {
        double seconds = ev.quantity(ev.eval(a.get(0)), a.get(0).span()).value();
        if (seconds < 0) {
          throw ev.fail(
              DiagnosticCode.BAD_VALUE,
              "after() needs a duration of zero or more",
              a.get(0).span(),
              "");
        }
        yield new Value.ThermalV(Thermal.after(seconds));
      }
      case "precision" ->
          new Value.ModelV(Transforms.precision(model(ev, a.get(0)), word(ev, a.get(1))));
      case "quantize" ->
          new Value.ModelV(Transforms.quantize(model(ev, a.get(0)), word(ev, a.get(1))));
      case "palettize" ->
          new Value.ModelV(Transforms.palettize(model(ev, a.get(0)), bits(ev, a.get(1))));
      case "prune" ->
          new Value.ModelV(Transforms.prune(model(ev, a.get(0)), sparsity(ev, a.get(1))));
      case "supported", "support", "info" -> Lookups.call(ev, e);
      case "search" -> search(ev, ((Value.StrV) ev.eval(a.get(0))).value(), a.get(0).span());
      default ->
          throw ev.fail(
              DiagnosticCode.INTERNAL,
              "function '" + e.function() + "' has no implementation",
              e.span(),
              "");
    };
  }

  static Value search(Evaluator ev, String query, dev.devq.lang.Span at) {
    if (!Resolver.searchable(query)) {
      throw ev.fail(
          DiagnosticCode.BAD_VALUE,
          "a search word is longer than " + Resolver.MAX_WORD + " characters",
          at,
          "no name or alias is that long");
    }
    var hits = ev.engine().index().search(query, List.of("op"), 10);
    return new Value.ListV(
        hits.stream()
            .map(h -> (Value) new Value.EntityV(ev.engine().kb().entity(h.id())))
            .toList());
  }

  private static Value extremum(Evaluator ev, TypedExpr.Call e) {
    Quantity best = null;
    for (TypedExpr arg : e.args()) {
      Quantity q = ev.quantity(ev.eval(arg), arg.span());
      if (best == null
          || (e.function().equals("max") ? q.value() > best.value() : q.value() < best.value())) {
        best = q;
      }
    }
    return new Value.QuantityV(best);
  }

  private static Value budget(Evaluator ev, TypedExpr arg) {
    String name = ((Value.StrV) ev.eval(arg)).value();
    NamedQuantity b = ev.engine().kb().budgets().get(name);
    if (b == null) {
      throw ev.fail(DiagnosticCode.UNKNOWN_NAME, "unknown budget '" + name + "'", arg.span(), "");
    }
    return new Value.QuantityV(b.value().value());
  }

  static Model model(Evaluator ev, TypedExpr arg) {
    Value v = ev.eval(arg);
    if (v instanceof Value.ModelV m) {
      return m.model();
    }
    if (v instanceof Value.PipelineV) {
      throw ev.fail(
          DiagnosticCode.TYPE_MISMATCH,
          "expected a model, found a pipeline",
          arg.span(),
          "apply it to each model inside the pipeline; estimate functions such as latency take pipelines");
    }
    throw ev.fail(DiagnosticCode.TYPE_MISMATCH, "expected a model", arg.span(), "");
  }

  private static String word(Evaluator ev, TypedExpr arg) {
    Value v = ev.eval(arg);
    if (v instanceof Value.SymbolV s) {
      return s.name();
    }
    throw ev.fail(DiagnosticCode.TYPE_MISMATCH, "expected a word", arg.span(), "");
  }

  private static int bits(Evaluator ev, TypedExpr arg) {
    double b = ev.quantity(ev.eval(arg), arg.span()).value();
    if (b != Math.rint(b) || b < 1 || b > 8) {
      throw ev.fail(
          DiagnosticCode.BAD_VALUE,
          "palettize takes 1 to 8 bits, found " + QuantityFormat.number(b, 6),
          arg.span(),
          "Core ML palettizes to 1, 2, 3, 4, 6 or 8 bits");
    }
    return (int) b;
  }

  private static double sparsity(Evaluator ev, TypedExpr arg) {
    double s = ev.quantity(ev.eval(arg), arg.span()).value();
    if (!(s >= 0 && s < 1)) {
      throw ev.fail(
          DiagnosticCode.BAD_VALUE,
          "sparsity must be at least 0% and below 100%, found "
              + QuantityFormat.number(s * 100, 6)
              + "%",
          arg.span(),
          "write it as a percentage, e.g. 75%");
    }
    return s;
  }

  static Value bytes(double b) {
    return new Value.QuantityV(Quantity.of(b, Dimensions.BYTES));
  }

  static Prediction estimate(Evaluator ev, Model m, Target t, Conditions c) {
    return ev.engine().costModel().estimate(m, t, c);
  }
}
