package dev.devq.query.check;

import dev.devq.kb.Entity;
import dev.devq.kb.ModelProfile;
import dev.devq.kb.Soc;
import dev.devq.kb.YamlNode;
import dev.devq.lang.AstBuilder;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.Expr;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import dev.devq.lang.Suggestions;
import dev.devq.lang.unit.Dimension;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks calls: model instantiations with parameters, and built-in functions against their
 * signatures.
 */
final class Calls {
  private static final List<String> TARGET_KINDS = List.of("soc", "device");

  private final Checker checker;
  private final Resolver resolver;

  Calls(Checker checker, Resolver resolver) {
    this.checker = checker;
    this.resolver = resolver;
  }

  TypedExpr check(Expr.Call e) {
    Entity entity = resolver.entity(e.callee(), List.of("model"), false);
    if (entity instanceof ModelProfile model) {
      return modelCall(e, model);
    }
    Builtin function = Builtin.named(e.callee());
    if (function == null) {
      Entity soc = resolver.entity(e.callee(), List.of("soc"), false);
      if (soc instanceof Soc s) {
        return new SocCalls(checker, resolver.kb()).check(e, s);
      }
      Set<String> names = new LinkedHashSet<>(Functions.all().keySet());
      names.addAll(resolver.kb().models().keySet());
      names.addAll(resolver.kb().socs().keySet());
      checker.error(
          DiagnosticCode.UNKNOWN_FUNCTION,
          "unknown function '" + e.callee() + "'",
          e.calleeSpan(),
          "not a function, model or SoC",
          Suggestions.didYouMean(e.callee(), names));
      e.args().forEach(a -> checker.check(a.value()));
      return new TypedExpr.StrConst(e.span(), Type.ANY, e.callee());
    }
    return switch (function) {
      case MIN, MAX -> extremum(e, function);
      case SEQ, PAR -> pipeline(e, function);
      case LATENCY,
              FPS,
              MEMORY,
              ENERGY,
              POWER,
              LOAD_TIME,
              TTFT,
              DECODE_RATE,
              PLACEMENT,
              FALLBACKS,
              EXPLAIN,
              BATTERY,
              SIZE,
              FRAME,
              BUDGET,
              AFTER,
              PRECISION,
              QUANTIZE,
              PALETTIZE,
              PRUNE,
              SUPPORTED,
              SUPPORT,
              SEARCH,
              INFO ->
          builtin(e, function);
    };
  }

  private TypedExpr modelCall(Expr.Call e, ModelProfile model) {
    Set<String> declared = declaredParams(model);
    List<String> names = new ArrayList<>();
    List<TypedExpr> values = new ArrayList<>();
    for (Expr.Arg a : e.args()) {
      if (a.name().isEmpty()) {
        checker.error(
            DiagnosticCode.ARITY,
            "model parameters are given by name",
            a.span(),
            "positional",
            declared.isEmpty()
                ? model.id() + " has no parameters"
                : "write e.g. " + model.id() + "(" + declared.iterator().next() + " = …)");
        continue;
      }
      if (!declared.contains(a.name())) {
        checker.error(
            DiagnosticCode.UNKNOWN_ARGUMENT,
            "model '" + model.id() + "' has no parameter '" + a.name() + "'",
            a.nameSpan(),
            "unknown parameter",
            declared.isEmpty()
                ? model.id() + " has no parameters"
                : orList(Suggestions.didYouMean(a.name(), declared), declared));
        continue;
      }
      if (names.contains(a.name())) {
        // mobilenet_v2(width = 0.5, width = 1) was answered for width = 1
        givenTwice(checker, "parameter", a);
        continue;
      }
      names.add(a.name());
      values.add(paramValue(a.value()));
    }
    return new TypedExpr.ModelRef(e.span(), Type.MODEL, model, names, values);
  }

  /**
   * The one error for a named argument given again, whatever it names (an estimate's argument, a
   * model's or a SoC's parameter): the second one is refused, never silently preferred.
   */
  static void givenTwice(Checker checker, String what, Expr.Arg again) {
    checker.error(
        DiagnosticCode.ARITY,
        what + " '" + again.name() + "' is given twice",
        again.span(),
        "again",
        "");
  }

  /** A model parameter is a number or a word such as {@code decode}. */
  private TypedExpr paramValue(Expr value) {
    if (value instanceof Expr.Name n
        && checker.lookupVar(n.id()) == null
        && resolver.kb().lookup(n.id()) == null) {
      return new TypedExpr.SymbolRef(
          n.span(), new Type.Symbol(ParamKind.WORD), new Word.Text(ParamKind.WORD, n.id()));
    }
    TypedExpr t = checker.check(value);
    if (!(t.type() instanceof Type.Quantity q && q.dimension().isNone()
        || t.type() instanceof Type.Any)) {
      checker.error(
          DiagnosticCode.TYPE_MISMATCH,
          "a model parameter must be a plain number or a word, found " + t.type().describe(),
          t.span(),
          t.type().describe(),
          "");
    }
    return t;
  }

  private static Set<String> declaredParams(ModelProfile model) {
    YamlNode.Entry params = model.root().entries().get("params");
    if (params != null && params.value() instanceof YamlNode.Mapping m) {
      return new LinkedHashSet<>(m.entries().keySet());
    }
    return Set.of();
  }

  private TypedExpr extremum(Expr.Call e, Builtin function) {
    List<TypedExpr> args = e.args().stream().map(a -> checker.check(a.value())).toList();
    if (args.isEmpty()) {
      checker.error(
          DiagnosticCode.ARITY, e.callee() + " needs at least one argument", e.span(), "", "");
      return new TypedExpr.Call(e.span(), Type.ANY, function, args);
    }
    Type t = args.get(0).type();
    Operators.countOneThing(checker, args);
    for (TypedExpr a : args) {
      if (!Operators.sameKind(a.type(), t)
          || !(a.type() instanceof Type.Quantity || a.type() instanceof Type.Any)) {
        // a list is the usual slip: its smallest is the aggregate form, which names the values
        String hint =
            a.type() instanceof Type.ListOf list && list.element() instanceof Type.Quantity
                ? "the "
                    + (e.callee().equals("min") ? "smallest" : "largest")
                    + " of a list is '"
                    + e.callee()
                    + " x in LIST by x'; "
                    + e.callee()
                    + "(a, b, …) takes its values one by one"
                : "";
        checker.error(
            DiagnosticCode.DIMENSION_MISMATCH,
            e.callee() + " needs quantities of one dimension, found " + a.type().describe(),
            a.span(),
            a.type().describe(),
            hint);
      }
    }
    return new TypedExpr.Call(e.span(), t, function, args);
  }

  /**
   * {@code seq(a, b, …)} and {@code par(a, b, …)}: one or more models or pipelines, by position.
   */
  private TypedExpr pipeline(Expr.Call e, Builtin function) {
    Signature sig = function.signature();
    List<TypedExpr> args = new ArrayList<>();
    for (Expr.Arg a : e.args()) {
      if (!a.name().isEmpty()) {
        checker.error(
            DiagnosticCode.UNKNOWN_ARGUMENT,
            e.callee() + " takes models by position",
            a.nameSpan(),
            "named argument",
            "write e.g. " + e.callee() + "(mobilenet_v2, resnet50)");
        checker.check(a.value());
        continue;
      }
      args.add(
          new Arguments(checker, resolver, false).check(sig.params().get(0), a.value(), function));
    }
    if (e.args().isEmpty()) {
      checker.error(
          DiagnosticCode.ARITY,
          e.callee() + " needs at least one model",
          e.span(),
          "no models",
          "write e.g. " + e.callee() + "(mobilenet_v2, resnet50)");
    }
    return new TypedExpr.Call(e.span(), Type.PIPELINE, function, args);
  }

  private TypedExpr builtin(Expr.Call e, Builtin function) {
    Signature sig = function.signature();
    Map<String, Expr.Arg> bound = bind(e, sig);
    if (bound == null) {
      return new TypedExpr.Call(e.span(), Type.ANY, function, List.of());
    }
    bound = SwappedArguments.mended(checker, resolver, e, function, bound);
    List<TypedExpr> args = new ArrayList<>();
    for (Signature.Param p : sig.params()) {
      Expr.Arg a = bound.get(p.name());
      Expr value = a != null ? a.value() : defaultExpr(p, e.span());
      args.add(new Arguments(checker, resolver, a == null).check(p, value, function));
    }
    Type result = sig.result();
    if (function == Builtin.BUDGET && !literalName(bound.get("name"))) {
      // the budget's name decides its dimension, so it must be known before evaluation
      checker.error(
          DiagnosticCode.TYPE_MISMATCH,
          "budget takes a literal name, not a computed value",
          args.get(0).span(),
          "not a budget name",
          "write the name itself, e.g. budget(frame_60fps); names: "
              + String.join(", ", resolver.kb().budgets().keySet()));
    } else if (function == Builtin.BUDGET && args.get(0) instanceof TypedExpr.StrConst s) {
      Dimension d = checker.budgetDimension(s.value());
      if (d == null) {
        checker.error(
            DiagnosticCode.UNKNOWN_NAME,
            "unknown budget '" + s.value() + "'",
            args.get(0).span(),
            "not in budgets.yaml",
            orList(
                Suggestions.didYouMean(s.value(), resolver.kb().budgets().keySet()),
                resolver.kb().budgets().keySet()));
      } else {
        result = Type.quantity(d);
      }
    }
    return new TypedExpr.Call(e.span(), result, function, args);
  }

  /** A bare name (not a {@code let} variable) or a string literal. */
  private boolean literalName(Expr.Arg a) {
    return a != null
        && (a.value() instanceof Expr.Name n && checker.lookupVar(n.id()) == null
            || a.value() instanceof Expr.StringLit);
  }

  private static String joined(String suggestion, String usage) {
    return suggestion.isEmpty() ? usage : suggestion + " " + usage;
  }

  private static String orList(String suggestion, java.util.Collection<String> all) {
    return suggestion.isEmpty() ? "one of: " + String.join(", ", all) : suggestion;
  }

  /** Matches positional and named arguments to parameters; null after reporting an error. */
  private Map<String, Expr.Arg> bind(Expr.Call e, Signature sig) {
    Map<String, Expr.Arg> bound = new LinkedHashMap<>();
    int position = 0;
    boolean ok = true;
    for (Expr.Arg a : e.args()) {
      if (a.name().isEmpty()) {
        if (position >= sig.params().size()) {
          checker.error(
              DiagnosticCode.ARITY,
              sig.name()
                  + " takes at most "
                  + sig.params().size()
                  + (sig.params().size() == 1 ? " argument" : " arguments"),
              a.span(),
              "extra argument",
              "usage: " + sig.usage());
          ok = false;
          continue;
        }
        bound.put(sig.params().get(position++).name(), a);
      } else {
        var p = sig.params().stream().filter(x -> x.name().equals(a.name())).findFirst();
        if (p.isEmpty()) {
          checker.error(
              DiagnosticCode.UNKNOWN_ARGUMENT,
              sig.name() + " has no argument '" + a.name() + "'",
              a.nameSpan(),
              "unknown argument",
              // the usage names every argument with its default: battery(…, fps = 30) is
              // answered with "rate = 30fps", not only with the nearest name ('os')
              joined(sig.meant(a.name()), "usage: " + sig.usage()));
          ok = false;
        } else if (bound.containsKey(a.name())) {
          givenTwice(checker, "argument", a);
          ok = false;
        } else {
          bound.put(a.name(), a);
        }
      }
    }
    for (Signature.Param p : sig.params()) {
      if (p.required() && !bound.containsKey(p.name())) {
        checker.error(
            DiagnosticCode.ARITY,
            sig.name() + " needs the argument '" + p.name() + "' (" + p.kind().describe() + ")",
            e.span(),
            "missing '" + p.name() + "'",
            "usage: " + sig.usage());
        ok = false;
      }
    }
    // The same argument, not an equal one; and an identity test keeps a record's generated
    // equals (and its bootstrap, docs/history/performance-log.md) off a one-shot start.
    e.args().stream()
        .filter(a -> bound.values().stream().noneMatch(b -> b == a))
        .forEach(a -> checker.check(a.value()));
    return ok ? bound : null;
  }

  /**
   * A default written as query text, parsed and placed at the whole call: an error it causes points
   * at the call that left the argument out (an empty span past the closing parenthesis pointed at
   * nothing), and {@link TypedExpr.Call#leftOut} tells it from an argument written inside.
   */
  private static Expr defaultExpr(Signature.Param p, Span call) {
    return Relocate.to(parsedDefault(p.defaultValue()), call);
  }

  /**
   * Each default's text parsed once: the expressions are immutable, and a call's check would
   * otherwise run the parser, cold on a one-shot start, for every argument it leaves out.
   */
  private static final Map<String, Expr> DEFAULTS = new ConcurrentHashMap<>();

  private static Expr parsedDefault(String text) {
    return DEFAULTS.computeIfAbsent(
        text, t -> AstBuilder.parseExpression(new SourceText("default", t)).value());
  }

  /**
   * Parses ahead the defaults of each built-in function named in {@code names}; whether there was
   * one.
   */
  static boolean parseDefaults(Collection<String> names) {
    boolean any = false;
    for (String name : names) {
      Builtin function = Builtin.named(name);
      if (function == null) {
        continue;
      }
      any = true;
      for (Signature.Param p : function.signature().params()) {
        if (!p.required()) {
          parsedDefault(p.defaultValue());
        }
      }
    }
    return any;
  }
}
