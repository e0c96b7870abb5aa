package dev.devq.query.eval;

import dev.devq.cost.Pipeline;
import dev.devq.cost.Thermal;
import dev.devq.kb.NamedQuantity;
import dev.devq.kb.Op;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.unit.Dimensions;
import dev.devq.lang.unit.Quantity;
import dev.devq.lang.unit.QuantityFormat;
import dev.devq.model.Model;
import dev.devq.model.Transforms;
import dev.devq.query.check.Resolver;
import dev.devq.query.check.TypedExpr;
import dev.devq.query.check.Word;
import java.util.List;

/**
 * The implementation of every built-in function: one exhaustive {@code switch} over {@link
 * Builtin}, without {@code default}, so a function the checker knows but nothing implements does
 * not compile. Arguments arrive checked and in signature order ({@code e.arg(Params.UNITS)}).
 */
final class Builtins {
  private Builtins() {}

  static Value call(Evaluator ev, TypedExpr.Call e) {
    List<TypedExpr> a = e.args();
    return switch (e.function()) {
      case LATENCY -> Estimates.call(ev, e, Estimates::latency);
      case FPS -> Estimates.call(ev, e, Estimates::rate);
      case MEMORY -> Estimates.call(ev, e, f -> bytes(f.breakdown().memoryBytes()));
      case ENERGY -> Estimates.call(ev, e, Estimates::energy);
      case POWER ->
          Estimates.call(ev, e, f -> of(f.breakdown().energy() / f.period(), Dimensions.POWER));
      case LOAD_TIME -> Estimates.call(ev, e, Estimates::loadTime);
      case TTFT -> Decoding.ttft(ev, e);
      case DECODE_RATE -> Decoding.rate(ev, e);
      case PLACEMENT -> Estimates.call(ev, e, f -> new Value.ExplainV("placement", f.breakdown()));
      case EXPLAIN -> Estimates.call(ev, e, f -> new Value.ExplainV("explain", f.breakdown()));
      case FALLBACKS -> Estimates.call(ev, e, f -> Estimates.fallbacks(f.breakdown()));
      case BATTERY -> Estimates.call(ev, e, f -> Battery.of(ev, e, f));
      case SEQ -> Estimates.pipeline(ev, e, Pipeline.Kind.SEQ);
      case PAR -> Estimates.pipeline(ev, e, Pipeline.Kind.PAR);
      case MIN -> Aggregates.extremum(ev, e, false);
      case MAX -> Aggregates.extremum(ev, e, true);
      case SIZE -> bytes(model(ev, a.get(0)).weightBytes());
      case FRAME -> frame(ev, a.get(0));
      case BUDGET -> budget(ev, a.get(0));
      case AFTER -> {
        double seconds = Representable.number(ev, a.get(0), Dimensions.TIME).value();
        if (seconds < 0) {
          throw ev.fail(
              DiagnosticCode.BAD_VALUE,
              "after() needs a duration of zero or more",
              a.get(0).span(),
              "");
        }
        yield new Value.ThermalV(Thermal.after(seconds));
      }
      case PRECISION ->
          new Value.ModelV(Transforms.precision(model(ev, a.get(0)), word(ev, a.get(1))));
      case QUANTIZE ->
          new Value.ModelV(Transforms.quantize(model(ev, a.get(0)), word(ev, a.get(1))));
      case PALETTIZE ->
          new Value.ModelV(Transforms.palettize(model(ev, a.get(0)), bits(ev, a.get(1))));
      case PRUNE -> new Value.ModelV(Transforms.prune(model(ev, a.get(0)), sparsity(ev, a.get(1))));
      case SUPPORTED -> Lookups.supported(ev, e);
      case SUPPORT -> Lookups.support((Op) ev.entity(ev.eval(a.get(0)), a.get(0).span()));
      case SEARCH -> search(ev, ((Value.StrV) ev.eval(a.get(0))).value(), a.get(0).span());
      case INFO -> Lookups.info(ev.eval(a.get(0)));
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

  /**
   * The time of one frame at a rate; a rate that cannot run ({@code fps(m, d)} of a model that does
   * not fit) gives "cannot run", as arithmetic does.
   */
  private static Value frame(Evaluator ev, TypedExpr arg) {
    Value v = ev.eval(arg);
    if (v instanceof Value.CannotRunV) {
      return v;
    }
    Quantity rate = LateTypes.quantity(ev, v, arg.span(), Dimensions.FREQUENCY);
    if (rate.value() <= 0) {
      throw ev.fail(DiagnosticCode.BAD_VALUE, "a frame rate must be positive", arg.span(), "");
    }
    // the frame of a rate outside its fit's scope (or of an end of the range it lacks) rests on
    // the same extrapolation, and an unknown one still says why
    var outside = v instanceof Value.QuantityV q ? q.outOfScope() : null;
    return Value.QuantityV.outside(Quantity.of(1 / rate.value(), Dimensions.TIME), outside);
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

  /** A precision or quantize mode: words the model layer takes as text. */
  private static String word(Evaluator ev, TypedExpr arg) {
    return ev.word(ev.eval(arg), Word.Text.class, arg.span()).text();
  }

  private static int bits(Evaluator ev, TypedExpr arg) {
    double b = Representable.number(ev, arg, Dimensions.NONE).value();
    if (!Transforms.paletteBits(b)) {
      throw ev.fail(
          DiagnosticCode.BAD_VALUE,
          "palettize takes "
              + Transforms.MIN_PALETTE_BITS
              + " to "
              + Transforms.MAX_PALETTE_BITS
              + " bits, found "
              + QuantityFormat.number(b, 6),
          arg.span(),
          "Core ML palettizes to 1, 2, 3, 4, 6 or 8 bits");
    }
    return (int) b;
  }

  private static double sparsity(Evaluator ev, TypedExpr arg) {
    double s = Representable.number(ev, arg, Dimensions.NONE).value();
    if (!Transforms.sparsity(s)) {
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
    return of(b, Dimensions.BYTES);
  }

  private static Value time(double seconds) {
    return of(seconds, Dimensions.TIME);
  }

  private static Value of(double value, dev.devq.lang.unit.Dimension d) {
    return new Value.QuantityV(Quantity.of(value, d));
  }
}
