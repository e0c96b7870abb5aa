package dev.devq.query.eval;

import dev.devq.cost.Breakdown;
import dev.devq.cost.Thermal;
import dev.devq.kb.Entity;
import dev.devq.lang.DevqException;
import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.Expr;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import dev.devq.lang.unit.Quantity;
import dev.devq.query.check.TypedExpr;
import dev.devq.query.check.Word;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks a checked tree and computes its value. Names were resolved by the checker; variables come
 * from the session and from quantifiers. Failures that only show at run time (a parameter out of
 * range, a model that cannot run anywhere) raise {@link DevqException} with the span.
 */
public final class Evaluator implements TypedExpr.Visitor<Value> {
  private final Engine engine;
  private final SourceText source;

  /**
   * The session's variables, read-only: a view of the bindings of a run's earlier statements
   * ({@link Session.Draft}), which no statement changes while it runs, so it is never copied (per
   * statement, that made a file of many lets quadratic).
   */
  private final Map<String, Value> variables;

  /** What quantifiers and comprehensions bound around this node, innermost first; or null. */
  private final Scope scope;

  private final Trace trace;
  private final Value hole;

  public Evaluator(Engine engine, SourceText source, Map<String, Value> variables, Value hole) {
    this(engine, source, new HashMap<>(variables), hole, () -> false);
  }

  /** An evaluator that stops with {@link Stopped} at its next step once {@code stop} is true. */
  Evaluator(
      Engine engine,
      SourceText source,
      Map<String, Value> variables,
      Value hole,
      java.util.function.BooleanSupplier stop) {
    this(engine, source, variables, null, new Trace(stop), hole);
  }

  private Evaluator(
      Engine engine,
      SourceText source,
      Map<String, Value> variables,
      Scope scope,
      Trace trace,
      Value hole) {
    this.engine = engine;
    this.source = source;
    this.variables = variables;
    this.scope = scope;
    this.trace = trace;
    this.hole = hole;
  }

  /**
   * Evaluates a node. A quantity that came out infinite or underflowed is an error at the node that
   * made it ({@link Representable}). Each node is a step of the statement's budget, and where a
   * stop asked for is heeded ({@link Stopped}).
   */
  public Value eval(TypedExpr e) {
    if (!trace.step()) {
      throw trace.stopAsked() ? new Stopped() : overBudget(e.span());
    }
    Value v = e.accept(this);
    Representable.check(this, v, e.span());
    return v;
  }

  /** Notes a value that did not qualify because its model cannot run on the target. */
  void leftOut(Value.CannotRunV v) {
    trace.leftOut(new LeftOut.Refused(v.why()));
  }

  /** Notes what the answer leaves out for another reason (a table cell whose row failed). */
  void leftOut(LeftOut what) {
    trace.leftOut(what);
  }

  /** Runs {@code body} with what it leaves out going to {@code into} ({@link Trace#collecting}). */
  <T> T collecting(java.util.Set<LeftOut> into, java.util.function.Supplier<T> body) {
    return trace.collecting(into, body);
  }

  /** What the statement left out so far, each once. */
  public List<LeftOut> leftOut() {
    return trace.leftOut();
  }

  /** The first estimate computed so far, for explaining what dominated a failed check. */
  public List<Breakdown> trace() {
    return trace.firstEstimate();
  }

  /** The trace itself, for an aggregate that picks the estimate its answer is read from. */
  Trace traceKept() {
    return trace;
  }

  Engine engine() {
    return engine;
  }

  SourceText source() {
    return source;
  }

  /**
   * Counts an estimate against the statement's budget when it had to be made (the cache made a
   * prediction since the last one counted, or it is a pipeline's, never cached); over it, an error
   * at {@code at}.
   */
  void record(Breakdown e, Span at) {
    if (!trace.record(e, engine.predictionsMade())) {
      throw overBudget(at);
    }
  }

  private DevqException overBudget(Span at) {
    return fail(
        DiagnosticCode.BUDGET,
        trace.exceeded(),
        at,
        "narrow the sets with 'where', or raise the limits with JAVA_TOOL_OPTIONS="
            + "-Ddevq.max.predictions=N -Ddevq.max.steps=S");
  }

  DevqException fail(DiagnosticCode code, String message, Span span, String note) {
    return new DevqException(Diagnostic.error(code, message, source, span).withNote(note));
  }

  /** The value a variable is bound to here. */
  Value bound(String name) {
    for (Scope s = scope; s != null; s = s.outer()) {
      if (s.name().equals(name)) {
        return s.value();
      }
    }
    return variables.get(name);
  }

  /**
   * This evaluator with {@code name} bound to {@code value}, shadowing an outer binding. Made once
   * per item of a quantifier, so it links a scope rather than copying the session's variables.
   */
  Evaluator with(String name, Value value) {
    return new Evaluator(engine, source, variables, new Scope(name, value, scope), trace, hole);
  }

  /** One binding of a quantifier or a comprehension, and the bindings around it. */
  private record Scope(String name, Value value, Scope outer) {}

  @Override
  public Value visitQuantityConst(TypedExpr.QuantityConst e) {
    return new Value.QuantityV(e.value());
  }

  @Override
  public Value visitBoolConst(TypedExpr.BoolConst e) {
    return new Value.BoolV(e.value());
  }

  @Override
  public Value visitStrConst(TypedExpr.StrConst e) {
    return new Value.StrV(e.value());
  }

  @Override
  public Value visitEntityRef(TypedExpr.EntityRef e) {
    return new Value.EntityV(e.entity());
  }

  @Override
  public Value visitModelRef(TypedExpr.ModelRef e) {
    return Instances.model(this, e);
  }

  @Override
  public Value visitSocRef(TypedExpr.SocRef e) {
    return Instances.soc(this, e);
  }

  @Override
  public Value visitSymbolRef(TypedExpr.SymbolRef e) {
    // a thermal state is a Thermal value, as after(10 min) is: estimate functions take either
    return e.word() instanceof Word.State s
        ? new Value.ThermalV(Thermal.of(s.state()))
        : new Value.WordV(e.word());
  }

  @Override
  public Value visitVar(TypedExpr.Var e) {
    Value v = bound(e.name());
    if (v == null) {
      throw fail(DiagnosticCode.UNKNOWN_NAME, "'" + e.name() + "' has no value", e.span(), "");
    }
    return v;
  }

  @Override
  public Value visitHoleRef(TypedExpr.HoleRef e) {
    if (hole == null) {
      // a let binds one value, and a hole stands for every target in turn
      throw fail(
          DiagnosticCode.TYPE_MISMATCH,
          "a hole has no value here",
          e.span(),
          "'?' lists the targets that satisfy a statement of its own; to bind a value per target,"
              + " quantify or tabulate: [latency(m, d) for d in devices] (d in place of ?)");
    }
    return hole;
  }

  @Override
  public Value visitCollection(TypedExpr.Collection e) {
    return Instances.collection(this, e);
  }

  @Override
  public Value visitCall(TypedExpr.Call e) {
    return Builtins.call(this, e);
  }

  @Override
  public Value visitMember(TypedExpr.Member e) {
    return MemberAccess.get(this, eval(e.target()), e);
  }

  @Override
  public Value visitUnary(TypedExpr.Unary e) {
    Value v = eval(e.operand());
    if (v instanceof Value.CannotRunV) {
      return v; // "cannot run" stays what it is through arithmetic
    }
    return switch (e.op()) {
      case NOT -> truth(v, e.operand().span()).not(); // Kleene: not unknown is unknown
      case NEG ->
          Arithmetic.negate(
              v instanceof Value.QuantityV q
                  ? q
                  : new Value.QuantityV(quantity(v, e.operand().span())));
      case PLUS -> v;
    };
  }

  @Override
  public Value visitBinary(TypedExpr.Binary e) {
    if (e.op() == Expr.BinaryOp.AND || e.op() == Expr.BinaryOp.OR) {
      return Logic.andOr(this, e);
    }
    Value left = eval(e.left());
    Value right = eval(e.right());
    if (left instanceof Value.CannotRunV || right instanceof Value.CannotRunV) {
      return left instanceof Value.CannotRunV ? left : right;
    }
    Quantity l = quantity(left, e.left().span());
    Quantity r = quantity(right, e.right().span());
    return Arithmetic.apply(this, e, left, l, right, r);
  }

  @Override
  public Value visitCompare(TypedExpr.Compare e) {
    return Arithmetic.comparison(this, e);
  }

  @Override
  public Value visitConvert(TypedExpr.Convert e) {
    return UnitConversion.of(this, e);
  }

  @Override
  public Value visitListLit(TypedExpr.ListLit e) {
    return new Value.ListV(e.elements().stream().map(this::eval).toList());
  }

  @Override
  public Value visitComprehension(TypedExpr.Comprehension e) {
    return Filters.comprehension(this, e);
  }

  @Override
  public Value visitQuantifier(TypedExpr.Quantifier e) {
    return Quantified.over(this, e, false).value();
  }

  @Override
  public Value visitAggregate(TypedExpr.Aggregate e) {
    return Aggregates.over(this, e);
  }

  @Override
  public Value visitListFor(TypedExpr.ListFor e) {
    return TableRows.list(this, e);
  }

  @Override
  public Value visitTable(TypedExpr.Table e) {
    return TableRows.table(this, e);
  }

  @Override
  public Value visitSearch(TypedExpr.Search e) {
    return Builtins.search(this, e.query(), e.span());
  }

  /**
   * A condition's truth. "Cannot run" (a comparison with a model that does not fit) is false here,
   * where a filter, a quantifier or a check decides, and the statement notes it as left out.
   */
  Value.BoolV truth(Value v, Span at) {
    if (v instanceof Value.BoolV b) {
      return b;
    }
    if (v instanceof Value.CannotRunV refused) {
      leftOut(refused);
      return new Value.BoolV(false);
    }
    throw fail(DiagnosticCode.TYPE_MISMATCH, "expected a boolean", at, "");
  }

  Quantity quantity(Value v, Span at) {
    if (v instanceof Value.QuantityV q) {
      return q.quantity();
    }
    if (v instanceof Value.CannotRunV refused) {
      throw Estimates.noNumber(this, refused, at);
    }
    throw fail(DiagnosticCode.TYPE_MISMATCH, "expected a quantity", at, "");
  }

  List<Value> list(Value v, Span at) {
    if (v instanceof Value.ListV l) {
      return l.items();
    }
    if (v instanceof Value.CannotRunV refused) {
      throw Estimates.noNumber(this, refused, at);
    }
    throw fail(DiagnosticCode.TYPE_MISMATCH, "expected a list", at, "");
  }

  /** A word of the kind a parameter takes; the checker has already made sure of its kind. */
  <W extends Word> W word(Value v, Class<W> kind, Span at) {
    if (v instanceof Value.WordV w && kind.isInstance(w.word())) {
      return kind.cast(w.word());
    }
    throw fail(DiagnosticCode.TYPE_MISMATCH, "expected " + kind.getSimpleName(), at, "");
  }

  Entity entity(Value v, Span at) {
    if (v instanceof Value.EntityV e) {
      return e.entity();
    }
    throw fail(DiagnosticCode.TYPE_MISMATCH, "expected an entity", at, "");
  }
}
