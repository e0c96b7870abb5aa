package dev.devq.query.check;

import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.Soc;
import dev.devq.kb.SocParameter;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.Expr;
import dev.devq.lang.Suggestions;
import dev.devq.lang.unit.Quantity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A SoC called with parameters names one of its binned parts, as a model call names a model with
 * parameters: {@code m3_max(gpu_cores = 30)}, {@code a15(p_core_clock = 2.93 GHz)}. Literal values
 * pick the part here, so a bin that does not exist is an error before evaluation; values computed
 * by the query ({@code gpu_cores = g}) pick it when evaluated, through the same {@link #part} and
 * {@link #noPart} words.
 */
public final class SocCalls {
  private final Checker checker;
  private final KnowledgeBase kb;

  SocCalls(Checker checker, KnowledgeBase kb) {
    this.checker = checker;
    this.kb = kb;
  }

  TypedExpr check(Expr.Call e, Soc soc) {
    List<String> names = new ArrayList<>();
    List<TypedExpr> values = new ArrayList<>();
    Map<String, Quantity> literal = new LinkedHashMap<>();
    boolean ok = true;
    for (Expr.Arg a : e.args()) {
      if (a.name().isEmpty()) {
        ok = false;
        checker.error(
            DiagnosticCode.ARITY,
            "SoC parameters are given by name",
            a.span(),
            "positional",
            "write e.g. " + example(soc));
        checker.check(a.value());
        continue;
      }
      if (names.contains(a.name())) {
        ok = false;
        Calls.givenTwice(checker, "parameter", a);
        checker.check(a.value());
        continue;
      }
      SocParameter param = SocParameter.parse(a.name());
      if (param == null) {
        ok = false;
        checker.error(
            DiagnosticCode.UNKNOWN_ARGUMENT,
            "SoC '" + soc.id() + "' has no parameter '" + a.name() + "'",
            a.nameSpan(),
            "unknown parameter",
            parametersNote(a.name(), soc));
        checker.check(a.value());
        continue;
      }
      TypedExpr value = checker.check(a.value());
      if (!(value.type() instanceof Type.Quantity q && q.dimension().equals(param.dimension())
          || value.type() instanceof Type.Any)) {
        ok = false;
        checker.error(
            DiagnosticCode.TYPE_MISMATCH,
            "'" + a.name() + "' is " + param.kind() + ", found " + value.type().describe(),
            value.span(),
            value.type().describe(),
            "values of " + a.name() + ": " + values(soc, param));
        continue;
      }
      if (value instanceof TypedExpr.QuantityConst c) {
        Quantity given = c.value();
        Soc match = param.admits(given) ? part(kb, soc.id(), Map.of(a.name(), given)) : null;
        if (match == null) {
          ok = false;
          checker.error(
              DiagnosticCode.BAD_VALUE,
              noPart(soc, param, given),
              value.span(),
              "no such part",
              "values of " + a.name() + ": " + values(soc, param));
          continue;
        }
        literal.put(a.name(), given);
      }
      names.add(a.name());
      values.add(value);
    }
    if (!ok) {
      return new TypedExpr.StrConst(e.span(), Type.ANY, soc.id());
    }
    if (literal.size() == names.size()) {
      Soc match = part(kb, soc.id(), literal);
      if (match == null) {
        checker.error(
            DiagnosticCode.BAD_VALUE,
            "SoC '" + soc.id() + "' has no part with " + SocParameter.describe(literal),
            e.span(),
            "no such part",
            "parts: " + String.join(", ", kb.variants(soc.id()).stream().map(Soc::label).toList()));
        return new TypedExpr.StrConst(e.span(), Type.ANY, soc.id());
      }
      return new TypedExpr.EntityRef(e.span(), new Type.Entity("soc"), match);
    }
    return new TypedExpr.SocRef(e.span(), new Type.Entity("soc"), soc, names, values);
  }

  /** The part of a SoC with these parameter values, or null. */
  public static Soc part(KnowledgeBase kb, String id, Map<String, Quantity> params) {
    return kb.soc(id, params).orElse(null);
  }

  /** The message for a parameter value no part of the SoC has. */
  public static String noPart(Soc soc, SocParameter param, Quantity value) {
    return "SoC '" + soc.id() + "' has no part with " + param.key() + " = " + param.format(value);
  }

  /** The values a parameter takes over the SoC's parts, ascending: {@code 30, 40}. */
  public static String values(Soc soc, SocParameter param) {
    var all = new TreeMap<Double, String>();
    List<Soc> parts = new ArrayList<>(List.of(soc));
    parts.addAll(soc.variants());
    for (Soc p : parts) {
      Quantity v = p.parameters().get(param.key());
      all.put(v.value(), param.format(v));
    }
    return String.join(", ", all.values());
  }

  private static String parametersNote(String name, Soc soc) {
    String near = Suggestions.didYouMean(name, SocParameter.keys());
    List<String> each = new ArrayList<>();
    for (SocParameter p : SocParameter.values()) {
      each.add(p.key() + " (" + values(soc, p) + ")");
    }
    return (near.isEmpty() ? "" : near + " ") + "parameters: " + String.join(", ", each);
  }

  private static String example(Soc soc) {
    return soc.variants().isEmpty()
        ? soc.id() + "(gpu_cores = " + soc.gpu().cores().value() + ")"
        : soc.variants().get(0).label();
  }
}
