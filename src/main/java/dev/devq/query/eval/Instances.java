package dev.devq.query.eval;

import dev.devq.kb.Soc;
import dev.devq.kb.SocParameter;
import dev.devq.lang.DevqException;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.Span;
import dev.devq.lang.unit.Dimensions;
import dev.devq.lang.unit.Quantity;
import dev.devq.query.check.SocCalls;
import dev.devq.query.check.TypedExpr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Names that stand for what the knowledge base holds rather than for a function: a zoo model with
 * parameters ({@code mobilenet_v2(width = 0.5)}), a binned SoC part whose parameters the query
 * computes ({@code m3_max(gpu_cores = g)}), and the collections {@code socs}, {@code devices},
 * {@code models} and {@code ops}.
 */
final class Instances {
  private Instances() {}

  /**
   * Every SoC, device, op or zoo model (at its default parameters), in the knowledge base's order.
   */
  static Value collection(Evaluator ev, TypedExpr.Collection e) {
    var kb = ev.engine().kb();
    List<Value> items = new ArrayList<>();
    switch (e.kind()) {
      case "socs" -> kb.socs().values().forEach(s -> items.add(new Value.EntityV(s)));
      case "devices" -> kb.devices().values().forEach(d -> items.add(new Value.EntityV(d)));
      case "ops" -> kb.ops().values().forEach(o -> items.add(new Value.EntityV(o)));
      default ->
          kb.models()
              .values()
              .forEach(
                  m ->
                      items.add(
                          new Value.ModelV(ev.engine().model(m, Map.of(), ev.source(), e.span()))));
    }
    return new Value.ListV(items);
  }

  /** A model whose sizes overflow 64-bit counts at the parameters asked for. */
  static DevqException tooLarge(Evaluator ev, Span at) {
    return ev.fail(
        DiagnosticCode.MODEL,
        "the model is too large at these parameters: a size or count of its layers overflows",
        at,
        "use parameters in the range the model was designed for");
  }

  static Value model(Evaluator ev, TypedExpr.ModelRef e) {
    Map<String, Object> params = new LinkedHashMap<>();
    Map<String, Span> argSpans = new LinkedHashMap<>();
    for (int i = 0; i < e.paramNames().size(); i++) {
      argSpans.put(e.paramNames().get(i), e.paramValues().get(i).span());
      Value v = ev.eval(e.paramValues().get(i));
      Object param;
      if (v instanceof Value.QuantityV) {
        // a number at or below 0 is refused by the model's own rule, at this argument
        param = Representable.number(ev, v, e.paramValues().get(i), Dimensions.NONE).value();
      } else if (v instanceof Value.WordV w) {
        param = w.word().text();
      } else if (v instanceof Value.StrV s) {
        param = s.value();
      } else {
        throw ev.fail(
            DiagnosticCode.TYPE_MISMATCH,
            "a model parameter must be a number or a word",
            e.paramValues().get(i).span(),
            "");
      }
      params.put(e.paramNames().get(i), param);
    }
    try {
      return new Value.ModelV(
          ev.engine().model(e.profile(), params, ev.source(), e.span(), argSpans));
    } catch (ArithmeticException overflow) {
      throw Instances.tooLarge(ev, e.span());
    }
  }

  static Value soc(Evaluator ev, TypedExpr.SocRef e) {
    Map<String, Quantity> params = new LinkedHashMap<>();
    for (int i = 0; i < e.paramNames().size(); i++) {
      TypedExpr arg = e.paramValues().get(i);
      String name = e.paramNames().get(i);
      SocParameter param = SocParameter.parse(name);
      Quantity given = Representable.number(ev, arg, param.dimension());
      if (!param.admits(given)
          || SocCalls.part(ev.engine().kb(), e.soc().id(), Map.of(name, given)) == null) {
        throw ev.fail(
            DiagnosticCode.BAD_VALUE,
            SocCalls.noPart(e.soc(), param, given),
            arg.span(),
            "values of " + name + ": " + SocCalls.values(e.soc(), param));
      }
      params.put(name, given);
    }
    Soc part = SocCalls.part(ev.engine().kb(), e.soc().id(), params);
    if (part == null) {
      throw ev.fail(
          DiagnosticCode.BAD_VALUE,
          "SoC '" + e.soc().id() + "' has no part with " + SocParameter.describe(params),
          e.span(),
          "");
    }
    return new Value.EntityV(part);
  }
}
