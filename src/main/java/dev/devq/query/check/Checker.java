package dev.devq.query.check;

import dev.devq.kb.Entity;
import dev.devq.kb.ModelProfile;
import dev.devq.kb.NamedQuantity;
import dev.devq.lang.CharacterNames;
import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.Expr;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import dev.devq.lang.unit.Dimension;
import dev.devq.lang.unit.Dimensions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks one expression: resolves names, binds arguments, and checks types and dimensions before
 * anything is evaluated. Errors are collected (with spans, labels and suggestions) and checking
 * goes on with an unknown type, so one pass reports every independent mistake.
 */
public final class Checker implements Expr.Visitor<TypedExpr> {
  static final List<String> COLLECTIONS = List.of("socs", "devices", "models", "ops");

  private final Resolver resolver;
  private final SourceText source;
  private final Deque<Map<String, Type>> scopes = new ArrayDeque<>();
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final Calls calls;

  /** The session's {@code let} bindings the expression reads (not variables it binds itself). */
  private final Set<String> reads = new LinkedHashSet<>();

  /** Where the first {@code ?} stands, or null. */
  private Span hole;

  private Checker(Resolver resolver, SourceText source, Map<String, Type> bindings) {
    this.resolver = resolver;
    this.source = source;
    // the session's bindings are only read, never added to: no copy, which per statement made a
    // file of many lets quadratic
    this.scopes.push(bindings);
    this.calls = new Calls(this, resolver);
  }

  /** {@link Calls#parseDefaults}, for a one-shot start to run on a spare core before a check. */
  public static boolean prepare(Collection<String> names) {
    return Calls.parseDefaults(names);
  }

  /**
   * Checks an expression with the session's {@code let} bindings in scope; a {@code condition}, the
   * body of {@code check "name": …}, must be a boolean (a check of a number once passed).
   */
  public static CheckResult check(
      Resolver resolver, SourceText source, Map<String, Type> bindings, Expr e, boolean condition) {
    var checker = new Checker(resolver, source, bindings);
    TypedExpr typed = e.accept(checker);
    if (condition && checker.diagnostics.isEmpty()) {
      checker.expectBool(typed, "a check");
    }
    if (e instanceof Expr.Table && checker.hole != null) {
      // each target would get a whole table of its own, every row alike
      checker.error(
          DiagnosticCode.TYPE_MISMATCH,
          "a table cannot hold '?': its rows come from its own variables",
          checker.hole,
          "not a row's value",
          "name the targets as a variable of the table: table d in devices: … (d in place of ?)");
    }
    if (condition && checker.hole != null) {
      // a hole lists the targets that satisfy it and never fails: a named check must be able to
      checker.error(
          DiagnosticCode.TYPE_MISMATCH,
          "a named check cannot hold '?': a hole lists the targets that satisfy it, and a list"
              + " never fails",
          checker.hole,
          "lists targets, is no check",
          "to require every target, quantify: all d in devices: … (d in place of ?)");
    }
    return new CheckResult(
        checker.diagnostics.isEmpty() ? typed : null,
        checker.diagnostics,
        checker.hole != null,
        checker.reads);
  }

  TypedExpr check(Expr e) {
    return e.accept(this);
  }

  void markHole(Span at) {
    if (hole == null) {
      hole = at;
    }
  }

  SourceText source() {
    return source;
  }

  void error(DiagnosticCode code, String message, Span span, String label, String note) {
    report(Diagnostic.error(code, message, source, span).withLabel(label).withNote(note));
  }

  /** Adds a diagnostic a helper made whole (a literal out of range), label and note included. */
  void report(Diagnostic d) {
    diagnostics.add(d);
  }

  /**
   * {@code d.form_factor == phone}: an unknown name compared with a text was meant as that text, so
   * its error says to quote it rather than suggest entities that share a word ('iphone_x').
   */
  private void quoteMeant(Expr name, TypedExpr other) {
    if (!(name instanceof Expr.Name n && other.type() instanceof Type.Str)) {
      return;
    }
    for (int i = 0; i < diagnostics.size(); i++) {
      Diagnostic d = diagnostics.get(i);
      if (d.code() == DiagnosticCode.UNKNOWN_NAME && d.span().equals(n.span())) {
        String quoted = "\"" + n.id() + "\"";
        diagnostics.set(
            i,
            new Diagnostic(
                d.severity(),
                d.code(),
                d.message(),
                d.source(),
                d.span(),
                d.label(),
                List.of("compared with a text, a word is written in quotes: " + quoted)));
      }
    }
  }

  Type lookupVar(String name) {
    for (Map<String, Type> scope : scopes) {
      if (scope.containsKey(name)) {
        return scope.get(name);
      }
    }
    return null;
  }

  Set<String> varNames() {
    Set<String> out = new LinkedHashSet<>();
    scopes.forEach(s -> out.addAll(s.keySet()));
    return out;
  }

  @Override
  public TypedExpr visitQuantity(Expr.QuantityLit e) {
    return QuantityLiterals.check(this, e);
  }

  @Override
  public TypedExpr visitString(Expr.StringLit e) {
    return new TypedExpr.StrConst(e.span(), Type.STR, e.value());
  }

  @Override
  public TypedExpr visitBool(Expr.BoolLit e) {
    return new TypedExpr.BoolConst(e.span(), Type.BOOL, e.value());
  }

  @Override
  public TypedExpr visitHole(Expr.Hole e) {
    error(
        DiagnosticCode.TYPE_MISMATCH,
        "a hole '?' can only stand for the target of an estimate",
        e.span(),
        "not a target argument",
        "write e.g. latency(mobilenet_v2, ?, throttled) < 33ms");
    return new TypedExpr.HoleRef(e.span(), Type.ANY);
  }

  @Override
  public TypedExpr visitName(Expr.Name e) {
    Type var = lookupVar(e.id());
    if (var != null) {
      if (scopes.stream().filter(s -> s.containsKey(e.id())).findFirst().get()
          == scopes.peekLast()) {
        reads.add(e.id()); // the innermost binding of the name is the session's, not a loop's
      }
      return new TypedExpr.Var(e.span(), var, e.id());
    }
    if (COLLECTIONS.contains(e.id())) {
      Type element =
          e.id().equals("models")
              ? Type.MODEL
              : new Type.Entity(e.id().substring(0, e.id().length() - 1));
      return new TypedExpr.Collection(e.span(), new Type.ListOf(element), e.id());
    }
    Entity entity = resolver.entity(e.id(), List.of(), false);
    if (entity instanceof ModelProfile m) {
      return new TypedExpr.ModelRef(e.span(), Type.MODEL, m, List.of(), List.of());
    }
    if (entity != null) {
      return new TypedExpr.EntityRef(e.span(), new Type.Entity(entity.kind()), entity);
    }
    Word word = Word.named(e.id());
    if (word != null) {
      return new TypedExpr.SymbolRef(e.span(), new Type.Symbol(word.kind()), word);
    }
    Set<String> extra = new LinkedHashSet<>(varNames());
    extra.addAll(COLLECTIONS);
    // an alias several ops share names each of them, so it is ambiguous, not unknown
    int sharing = resolver.sharing(e.id(), List.of()).size();
    error(
        DiagnosticCode.UNKNOWN_NAME,
        (sharing > 0 ? "ambiguous name '" : "unknown name '")
            + CharacterNames.headline(e.id())
            + "'",
        e.span(),
        sharing > 0
            ? "names " + sharing + " ops"
            : "no SoC, device, model, op or variable with this name",
        resolver.suggest(e.id(), List.of(), extra));
    return new TypedExpr.Var(e.span(), Type.ANY, e.id());
  }

  @Override
  public TypedExpr visitCall(Expr.Call e) {
    return calls.check(e);
  }

  @Override
  public TypedExpr visitMember(Expr.Member e) {
    return Members.check(this, e);
  }

  @Override
  public TypedExpr visitUnary(Expr.Unary e) {
    TypedExpr operand = check(e.operand());
    Type t = operand.type();
    if (e.op() == Expr.UnaryOp.NOT) {
      expectBool(operand, "'not'");
      return new TypedExpr.Unary(e.span(), Type.BOOL, e.op(), operand);
    }
    if (!(t instanceof Type.Quantity || t instanceof Type.Any)) {
      error(
          DiagnosticCode.TYPE_MISMATCH,
          "cannot negate " + t.describe(),
          operand.span(),
          t.describe(),
          "");
      t = Type.ANY;
    }
    return new TypedExpr.Unary(e.span(), t, e.op(), operand);
  }

  @Override
  public TypedExpr visitBinary(Expr.Binary e) {
    if (DashedNames.report(this, resolver, source, e)) {
      return new TypedExpr.StrConst(e.span(), Type.ANY, source.slice(e.span()));
    }
    TypedExpr left = check(e.left());
    TypedExpr right = check(e.right());
    return Operators.binary(this, e, left, right);
  }

  @Override
  public TypedExpr visitCompare(Expr.Compare e) {
    List<TypedExpr> operands = e.operands().stream().map(this::check).toList();
    for (int i = 0; i < e.ops().size(); i++) {
      quoteMeant(e.operands().get(i), operands.get(i + 1));
      quoteMeant(e.operands().get(i + 1), operands.get(i));
      Operators.comparable(
          this, operands.get(i), operands.get(i + 1), e.ops().get(i), e.opSpans().get(i));
    }
    return new TypedExpr.Compare(e.span(), Type.BOOL, operands, e.ops(), e.opSpans());
  }

  @Override
  public TypedExpr visitConvert(Expr.Convert e) {
    return Conversions.check(this, e);
  }

  @Override
  public TypedExpr visitList(Expr.ListLit e) {
    List<TypedExpr> elements = e.elements().stream().map(this::check).toList();
    Type element = elements.isEmpty() ? Type.ANY : elements.get(0).type();
    if (!Operators.countOneThing(this, elements)) {
      element = Type.ANY;
    }
    for (TypedExpr el : elements) {
      if (!Operators.sameKind(el.type(), element)) {
        element = Type.ANY;
      }
    }
    return new TypedExpr.ListLit(e.span(), new Type.ListOf(element), elements);
  }

  @Override
  public TypedExpr visitComprehension(Expr.Comprehension e) {
    return Iterations.comprehension(this, e);
  }

  @Override
  public TypedExpr visitQuantifier(Expr.Quantifier e) {
    return Iterations.quantifier(this, e);
  }

  @Override
  public TypedExpr visitAggregate(Expr.Aggregate e) {
    return Iterations.aggregate(this, e);
  }

  @Override
  public TypedExpr visitListFor(Expr.ListFor e) {
    return Tables.listFor(this, e);
  }

  @Override
  public TypedExpr visitTable(Expr.Table e) {
    return Tables.table(this, e);
  }

  @Override
  public TypedExpr visitSearch(Expr.Search e) {
    return new TypedExpr.Search(e.span(), new Type.ListOf(new Type.Entity("op")), e.query());
  }

  <T> T withVar(String name, Type type, java.util.function.Supplier<T> body) {
    Map<String, Type> scope = new HashMap<>();
    scope.put(name, type);
    scopes.push(scope);
    try {
      return body.get();
    } finally {
      scopes.pop();
    }
  }

  TypedExpr expectBool(TypedExpr e, String where) {
    if (!(e.type() instanceof Type.Bool || e.type() instanceof Type.Any)) {
      error(
          DiagnosticCode.TYPE_MISMATCH,
          where + " needs a boolean, found " + e.type().describe(),
          e.span(),
          e.type().describe(),
          "");
    }
    return e;
  }

  int errorCount() {
    return diagnostics.size();
  }

  /** The dimension of a budget, for {@code budget(name)}; null when unknown. */
  Dimension budgetDimension(String name) {
    NamedQuantity b = resolver.kb().budgets().get(name);
    return b == null ? null : b.value().value().dimension();
  }

  static Type count() {
    return Type.quantity(Dimensions.NONE);
  }
}
