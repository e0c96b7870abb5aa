package dev.devq.query.check;

import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.Soc;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.Expr;
import dev.devq.lang.Suggestions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A SoC called with parameters names one of its binned parts, as a model call names a model with
 * parameters: {@code m3_max(gpu_cores = 30)}. Literal values pick the part here, so a bin that does
 * not exist is an error before evaluation; values computed by the query ({@code gpu_cores = g})
 * pick it when evaluated, through the same {@link #part} and {@link #noPart} words.
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
    Map<String, Integer> literal = new LinkedHashMap<>();
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
      if (!Soc.PARAMETERS.contains(a.name())) {
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
      if (!(value.type() instanceof Type.Quantity q && q.dimension().isNone()
          || value.type() instanceof Type.Any)) {
        ok = false;
        checker.error(
            DiagnosticCode.TYPE_MISMATCH,
            "a SoC parameter is a whole number, found " + value.type().describe(),
            value.span(),
            value.type().describe(),
            "values of " + a.name() + ": " + values(soc, a.name()));
        continue;
      }
      if (value instanceof TypedExpr.QuantityConst c) {
        double n = c.value().value();
        Soc match = whole(n) ? part(kb, soc.id(), Map.of(a.name(), (int) n)) : null;
        if (match == null) {
          ok = false;
          checker.error(
              DiagnosticCode.BAD_VALUE,
              noPart(soc, a.name(), n),
              value.span(),
              "no such part",
              "values of " + a.name() + ": " + values(soc, a.name()));
          continue;
        }
        literal.put(a.name(), (int) n);
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
            "SoC '" + soc.id() + "' has no part with " + describe(literal),
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
  public static Soc part(KnowledgeBase kb, String id, Map<String, Integer> params) {
    return kb.soc(id, params).orElse(null);
  }

  /** The message for a parameter value no part of the SoC has. */
  public static String noPart(Soc soc, String param, double value) {
    return "SoC '"
        + soc.id()
        + "' has no part with "
        + param
        + " = "
        + dev.devq.lang.unit.QuantityFormat.number(value, 6);
  }

  /** The values a parameter takes over the SoC's parts, ascending: {@code 30, 40}. */
  public static String values(Soc soc, String param) {
    var all = new TreeSet<Integer>();
    List<Soc> parts = new ArrayList<>(List.of(soc));
    parts.addAll(soc.variants());
    parts.forEach(p -> all.add(p.parameters().get(param)));
    return String.join(", ", all.stream().map(String::valueOf).toList());
  }

  /** Whether a parameter value is a whole number a part could have. */
  public static boolean whole(double n) {
    return n == Math.rint(n) && Math.abs(n) < Integer.MAX_VALUE;
  }

  private static String describe(Map<String, Integer> params) {
    List<String> out = new ArrayList<>();
    params.forEach((k, v) -> out.add(k + " = " + v));
    return String.join(", ", out);
  }

  private static String parametersNote(String name, Soc soc) {
    String near = Suggestions.didYouMean(name, Soc.PARAMETERS);
    List<String> each = new ArrayList<>();
    for (String p : Soc.PARAMETERS) {
      each.add(p + " (" + values(soc, p) + ")");
    }
    return (near.isEmpty() ? "" : near + " ") + "parameters: " + String.join(", ", each);
  }

  private static String example(Soc soc) {
    return soc.variants().isEmpty()
        ? soc.id() + "(gpu_cores = " + soc.gpu().cores().value() + ")"
        : soc.variants().get(0).label();
  }
}
