package dev.devq.query.check;

import dev.devq.kb.Entity;
import dev.devq.kb.ModelProfile;
import dev.devq.kb.OsVersion;
import dev.devq.lang.CharacterNames;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.Expr;
import dev.devq.lang.Suggestions;
import dev.devq.lang.unit.Dimension;
import dev.devq.lang.unit.QuantityFormat;
import dev.devq.lang.unit.UnitRegistry;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks one argument against its parameter. Names in argument position resolve in the parameter's
 * terms first: {@code a71} as a target is an unknown device or SoC (with a suggestion among those),
 * {@code hot} as a state an unknown thermal state.
 */
final class Arguments {
  private final Checker checker;
  private final Resolver resolver;
  private final boolean defaulted;

  /**
   * @param defaulted the value is a built-in's default ({@code nominal}, {@code ane}), left out of
   *     the call: a name in it means the built-in's word, never a variable the user named alike
   *     ({@code let nominal = 5ms} must not change what {@code latency(m, d)} asks)
   */
  Arguments(Checker checker, Resolver resolver, boolean defaulted) {
    this.checker = checker;
    this.resolver = resolver;
    this.defaulted = defaulted;
  }

  /** Whether {@code n} names a variable of the user's here. */
  private boolean variable(Expr.Name n) {
    return !defaulted && checker.lookupVar(n.id()) != null;
  }

  TypedExpr check(Signature.Param p, Expr value, Builtin function) {
    return switch (p.kind()) {
      case TARGET ->
          entity(value, List.of("soc", "device"), "target", "no SoC or device with this id");
      case OP -> entity(value, List.of("op"), "op", "no op with this name");
      case ENTITY -> entity(value, List.of(), "name", "no SoC, device, op or model with this name");
      case MODEL -> model(value, function.takesPipelines());
      case THERMAL, UNITS, UNIT, START, RUNTIME, OS, PRECISION, MODE, WORD ->
          symbol(p.kind(), value);
      case TEXT -> text(value);
      case COUNT, PERCENT, TIME, FREQUENCY ->
          quantity(value, p.kind().dimension(), p, function.key());
      case QUANTITY -> checker.check(value);
    };
  }

  private TypedExpr entity(Expr value, List<String> kinds, String what, String label) {
    if (value instanceof Expr.Hole h && kinds.contains("device")) {
      checker.markHole(h.span());
      return new TypedExpr.HoleRef(h.span(), Type.HOLE);
    }
    String name =
        value instanceof Expr.Name n && !variable(n)
            ? n.id()
            : value instanceof Expr.StringLit s ? s.value() : null;
    if (name == null) {
      TypedExpr t = checker.check(value);
      boolean fits =
          t.type() instanceof Type.Any
              || t.type() instanceof Type.Entity en
                  && (kinds.isEmpty() || kinds.contains(en.kind()))
              || kinds.isEmpty() && t.type() instanceof Type.Model;
      if (!fits) {
        checker.error(
            DiagnosticCode.TYPE_MISMATCH,
            "expected " + describe(kinds) + ", found " + t.type().describe(),
            t.span(),
            t.type().describe(),
            "");
      }
      return t;
    }
    Entity e =
        resolver.entity(name, kinds.isEmpty() ? List.of() : kinds, value instanceof Expr.StringLit);
    if (e instanceof ModelProfile m) {
      return new TypedExpr.ModelRef(value.span(), Type.MODEL, m, List.of(), List.of());
    }
    if (e != null) {
      return new TypedExpr.EntityRef(value.span(), new Type.Entity(e.kind()), e);
    }
    // A name that exists as another kind is a mix-up, not a typo: say what it is.
    Entity other = resolver.kb().lookup(name);
    String note =
        other != null
            ? "'" + name + "' is " + kindOf(other) + ", not " + describe(kinds)
            : resolver.suggest(name, kinds, List.of());
    int sharing = resolver.sharing(name, kinds).size();
    checker.error(
        DiagnosticCode.UNKNOWN_NAME,
        (sharing > 0 ? "ambiguous " : "unknown ")
            + what
            + " '"
            + CharacterNames.headline(name)
            + "'",
        value.span(),
        sharing > 0 ? "names " + sharing + " ops" : label,
        note);
    return new TypedExpr.StrConst(value.span(), Type.ANY, name);
  }

  private static String kindOf(Entity e) {
    return e instanceof ModelProfile ? "a model" : new Type.Entity(e.kind()).describe();
  }

  private static String describe(List<String> kinds) {
    if (kinds.isEmpty()) {
      return "a SoC, device, op or model";
    }
    return kinds.contains("device") ? "a device or SoC" : "an op";
  }

  /** A model; {@code pipelines} when the function also takes {@code seq(…)} and {@code par(…)}. */
  private TypedExpr model(Expr value, boolean pipelines) {
    TypedExpr t;
    String name =
        value instanceof Expr.Name n && !variable(n)
            ? n.id()
            : value instanceof Expr.StringLit s ? s.value() : null;
    if (name != null) {
      Entity e = resolver.entity(name, List.of("model"), value instanceof Expr.StringLit);
      if (e == null) {
        var kb = resolver.kb();
        Entity other = kb.lookup(name);
        String note =
            other != null
                ? "'" + name + "' is " + kindOf(other) + ", not a model"
                : resolver.suggest(name, List.of("model"), List.of());
        checker.error(
            DiagnosticCode.UNKNOWN_NAME,
            "unknown model '" + name + "'",
            value.span(),
            "not in the model zoo",
            note);
        return new TypedExpr.StrConst(value.span(), Type.ANY, name);
      }
      return new TypedExpr.ModelRef(
          value.span(), Type.MODEL, (ModelProfile) e, List.of(), List.of());
    }
    t = checker.check(value);
    if (t.type() instanceof Type.Pipeline && !pipelines) {
      checker.error(
          DiagnosticCode.TYPE_MISMATCH,
          "expected a model, found a pipeline",
          t.span(),
          "a pipeline",
          "apply it to each model inside the pipeline; estimate functions such as latency take pipelines");
    } else if (!(t.type() instanceof Type.Model
        || t.type() instanceof Type.Pipeline
        || t.type() instanceof Type.Any)) {
      checker.error(
          DiagnosticCode.TYPE_MISMATCH,
          "expected a model, found " + t.type().describe(),
          t.span(),
          t.type().describe(),
          "models: "
              + String.join(", ", resolver.kb().models().keySet().stream().limit(6).toList())
              + ", …");
    }
    return t;
  }

  private TypedExpr symbol(ParamKind kind, Expr value) {
    if ((kind == ParamKind.RUNTIME || kind == ParamKind.OS)
        && value instanceof Expr.StringLit lit) {
      // llama.cpp and "iOS 17" are not identifiers: a runtime or an OS may be written as a string
      value = new Expr.Name(lit.span(), lit.value());
    }
    Word dottedWord = value instanceof Expr.Member m ? Word.parse(kind, dotted(m)) : null;
    if (dottedWord != null && value instanceof Expr.Member m) {
      // runtime = llama.cpp reads as member 'cpp' of a name 'llama', whose error would suggest
      // models: say how to write the word instead
      checker.error(
          DiagnosticCode.UNKNOWN_NAME,
          "'" + dotted(m) + "' unquoted reads as member '" + m.member() + "' of a name",
          m.span(),
          "expected " + kind.describe(),
          "write " + dottedWord.text() + " or \"" + dotted(m) + "\"");
      return new TypedExpr.StrConst(m.span(), Type.ANY, dotted(m));
    }
    if (value instanceof Expr.Name n && !variable(n)) {
      Word word = Word.parse(kind, n.id());
      if (word == null) {
        checker.error(
            DiagnosticCode.UNKNOWN_NAME,
            "unknown " + kind.noun() + " '" + n.id() + "'",
            n.span(),
            "expected " + kind.describe(),
            orList(writable(kind, Suggestions.closest(n.id(), kind.words())), kind.words()));
        return new TypedExpr.StrConst(n.span(), Type.ANY, n.id());
      }
      if (word instanceof Word.Os os && !os.newest()) {
        unreleased(os.version(), n);
      }
      return new TypedExpr.SymbolRef(n.span(), new Type.Symbol(kind), word);
    }
    int errorsBefore = checker.errorCount();
    TypedExpr t = checker.check(value);
    if (t.type() instanceof Type.Any && checker.errorCount() == errorsBefore) {
      // a value of unknown type would otherwise reach the cost model as a default
      checker.error(
          DiagnosticCode.TYPE_MISMATCH,
          "expected " + kind.describe() + ", found a value whose type is not known",
          t.span(),
          "not " + kind.describe(),
          orList("", kind.words()));
    } else if (!(t.type() instanceof Type.Any
        || t.type() instanceof Type.Symbol s && s.kind() == kind)) {
      checker.error(
          DiagnosticCode.TYPE_MISMATCH,
          "expected " + kind.describe() + ", found " + t.type().describe(),
          t.span(),
          t.type().describe(),
          shadowed(value, kind.describe(), kind.words()));
    }
    return t;
  }

  /** A release that never shipped or is not out would be costed as if it were today's OS. */
  private void unreleased(OsVersion version, Expr.Name at) {
    resolver
        .kb()
        .releases()
        .unknown(version)
        .ifPresent(
            u ->
                checker.error(
                    DiagnosticCode.UNKNOWN_NAME,
                    "unknown OS release '" + at.id() + "'",
                    at.span(),
                    u.reason(),
                    u.suggestion()));
  }

  /**
   * The note for a value of the wrong type: a variable named like one of the words ({@code let
   * nominal = 5ms}) hides that word, which a list of the words would not explain.
   */
  private static String shadowed(Expr value, String kind, List<String> words) {
    if (value instanceof Expr.Name n && words.contains(n.id())) {
      String theKind = kind.replaceFirst("^an? ", "the ");
      return "'" + n.id() + "' here is a variable, not " + theKind + ": rename the variable";
    }
    return orList("", words);
  }

  private static String orList(String suggestion, List<String> words) {
    return suggestion.isEmpty()
        ? "one of: " + String.join(", ", words.stream().map(Arguments::quoted).toList())
        : suggestion;
  }

  /** {@code llama.cpp} for a member access {@code llama.cpp}, or empty for any other. */
  private static String dotted(Expr.Member m) {
    return m.target() instanceof Expr.Name n ? n.id() + "." + m.member() : "";
  }

  /**
   * The "did you mean" of a word as it can be written unquoted: the suggestion {@code llama.cpp}
   * would not parse there, so its canonical word {@code llama_cpp} is suggested.
   */
  private static String writable(ParamKind kind, String closest) {
    if (closest.isEmpty()) {
      return "";
    }
    Word word = IDENTIFIER.matcher(closest).matches() ? null : Word.parse(kind, closest);
    boolean canonical = word != null && IDENTIFIER.matcher(word.text()).matches();
    return Suggestions.meant(canonical ? word.text() : closest);
  }

  /** A word that is not an identifier ({@code llama.cpp}) in the quotes it needs. */
  private static String quoted(String word) {
    return IDENTIFIER.matcher(word).matches() || word.startsWith("\"") ? word : "\"" + word + "\"";
  }

  /**
   * {@code after(10)}: the number with units it could mean ({@code 10 s, 10 min or 10 h}); the hint
   * of a comparison ("multiply the right side") names no side an argument has. A rate counts
   * predictions, so it is written in fps, never as a clock.
   */
  private static String unitless(Expr.QuantityLit lit, ParamKind kind) {
    List<String> units =
        kind == ParamKind.FREQUENCY
            ? List.of("fps")
            : UnitRegistry.standard().ladder(kind.dimension()).stream()
                .map(unit -> unit.name())
                .toList();
    if (units.isEmpty()) {
      return "write the number with its unit";
    }
    String n = QuantityFormat.exact(lit.value());
    List<String> last = units.subList(Math.max(0, units.size() - 3), units.size());
    List<String> shown = last.stream().map(unit -> n + " " + unit).toList();
    return "write the number with its unit: "
        + String.join(", ", shown.subList(0, shown.size() - 1))
        + (shown.size() > 1 ? " or " : "")
        + shown.get(shown.size() - 1);
  }

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private TypedExpr text(Expr value) {
    if (value instanceof Expr.Name n && !variable(n)) {
      return new TypedExpr.StrConst(n.span(), Type.STR, n.id());
    }
    TypedExpr t = checker.check(value);
    if (!(t.type() instanceof Type.Str || t.type() instanceof Type.Any)) {
      checker.error(
          DiagnosticCode.TYPE_MISMATCH,
          "expected a text, found " + t.type().describe(),
          t.span(),
          t.type().describe(),
          "");
    }
    return t;
  }

  private TypedExpr quantity(Expr value, Dimension expected, Signature.Param p, String function) {
    TypedExpr t = checker.check(value);
    if (t.type() instanceof Type.Quantity q && !q.dimension().equals(expected)) {
      UnitRegistry u = UnitRegistry.standard();
      checker.error(
          DiagnosticCode.DIMENSION_MISMATCH,
          "argument '"
              + p.name()
              + "' of "
              + function
              + " must be "
              + u.describe(expected)
              + ", found "
              + u.describe(q.dimension()),
          t.span(),
          q.dimension().isNone() ? "no unit" : u.name(q.dimension()),
          value instanceof Expr.QuantityLit lit && lit.unit().isEmpty()
              ? unitless(lit, p.kind())
              : DimensionHints.hint(expected, q.dimension()));
    } else if (p.kind() == ParamKind.FREQUENCY
        && t.type() instanceof Type.Quantity q
        && q.rate() == Type.Rate.CYCLES) {
      // a rate argument counts predictions (frame(30fps), a duty cycle): a clock would be read
      // as billions of them
      checker.error(
          DiagnosticCode.DIMENSION_MISMATCH,
          "argument '" + p.name() + "' of " + function + " is a rate of predictions, found a clock",
          t.span(),
          "a clock",
          "a rate written in MHz or GHz is a clock: write the rate in fps or Hz, e.g. 30 fps");
    } else if (!(t.type() instanceof Type.Quantity || t.type() instanceof Type.Any)) {
      checker.error(
          DiagnosticCode.TYPE_MISMATCH,
          "argument '"
              + p.name()
              + "' of "
              + function
              + " must be "
              + p.kind().describe()
              + ", found "
              + t.type().describe(),
          t.span(),
          t.type().describe(),
          "");
    }
    return t;
  }
}
