package dev.devq.query.eval;

import dev.devq.cost.Breakdown;
import dev.devq.kb.Device;
import dev.devq.kb.Entity;
import dev.devq.lang.AstBuilder;
import dev.devq.lang.DevqException;
import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.Expr;
import dev.devq.lang.ParseResult;
import dev.devq.lang.Severity;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import dev.devq.lang.Stmt;
import dev.devq.lang.unit.Quantity;
import dev.devq.query.check.CheckResult;
import dev.devq.query.check.Checker;
import dev.devq.query.check.ShadowedNames;
import dev.devq.query.check.Type;
import dev.devq.query.check.TypedExpr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Runs statements: parse, check, evaluate, in that order, each phase only on what the one before
 * accepted. Every top-level boolean becomes a check (see {@link Checks}); a statement with {@code
 * ?} is evaluated once per candidate target.
 */
public final class Interpreter {
  private final Engine engine;
  private final BooleanSupplier stop;

  public Interpreter(Engine engine) {
    this(engine, () -> false);
  }

  /**
   * An interpreter whose evaluations stop once {@code stop} answers true (it is asked at every
   * step, from the evaluating thread; another thread sets what it reads): the statement being
   * evaluated fails with one {@code INTERRUPTED} error and the statements after it do not run.
   */
  public Interpreter(Engine engine, BooleanSupplier stop) {
    this.engine = engine;
    this.stop = stop;
  }

  /** The engine this interpreter evaluates with. */
  public Engine engine() {
    return engine;
  }

  /**
   * What running some text produced, and the session after it; {@code warnings} say what ran but
   * may not do what its author meant (a file's table of booleans is shown, not checked).
   */
  public record Run(
      Session session,
      List<Outcome> outcomes,
      List<Diagnostic> diagnostics,
      List<Diagnostic> warnings) {
    public Run {
      outcomes = List.copyOf(outcomes);
      diagnostics = List.copyOf(diagnostics);
      warnings = List.copyOf(warnings);
    }

    public Run(Session session, List<Outcome> outcomes, List<Diagnostic> diagnostics) {
      this(session, outcomes, diagnostics, List.of());
    }

    public boolean ok() {
      return diagnostics.isEmpty();
    }
  }

  /**
   * Runs every statement of a source. With {@code atomic} (the REPL), any error discards the whole
   * input and returns the old session; otherwise (files) each statement stands alone and every
   * error is reported.
   */
  public Run run(SourceText source, Session session, boolean atomic) {
    return run(source, session, atomic, false);
  }

  /**
   * Runs a query file (or a review document's block) as {@code devq check} does: each statement
   * stands alone, and a top-level value that holds booleans without being one is refused or warned
   * about ({@link ShownBooleans}), since its falses would not fail.
   */
  public Run runFile(SourceText source, Session session) {
    return run(source, session, false, true);
  }

  private Run run(SourceText source, Session session, boolean atomic, boolean file) {
    ParseResult<List<Stmt>> parsed = AstBuilder.parseQuery(source);
    if (!parsed.ok()) {
      return new Run(session, List.of(), parsed.diagnostics());
    }
    var current = new Session.Draft(session);
    // remembered once at the end: copying the history per statement is quadratic in a big file
    List<String> remembered = new ArrayList<>();
    List<Outcome> outcomes = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<Diagnostic> warnings = new ArrayList<>();
    for (Stmt stmt : parsed.value()) {
      String let = stmt instanceof Stmt.Let l ? l.name() : "";
      if (FailedLets.uses(source, stmt, current.failed())) {
        // reported once, at the failed let; a let that depends on it fails with it
        if (!let.isEmpty()) {
          current.fail(let);
        }
        continue;
      }
      List<Diagnostic> failed;
      try {
        CheckResult checked = check(stmt, source, current.types());
        // what a statement reads counts as read even when it fails: its error is the one to fix
        current.read(checked.reads());
        Step step = statement(stmt, checked, source, current, file);
        if (step.diagnostics().isEmpty()) {
          remembered.add(source.slice(stmt.span()));
          outcomes.add(step.outcome());
          warnings.addAll(step.warnings());
          continue;
        }
        failed = step.diagnostics();
      } catch (DevqException e) {
        failed = List.of(e.diagnostic());
      } catch (Stopped e) {
        // the user asked for nothing more: the statements after this one do not run either
        diagnostics.add(interrupted(source, stmt.span()));
        break;
      } catch (StackOverflowError e) {
        failed =
            List.of(
                Diagnostic.error(
                    dev.devq.lang.DiagnosticCode.TOO_DEEP,
                    "expression nested too deeply to evaluate",
                    source,
                    stmt.span()));
      }
      diagnostics.addAll(let.isEmpty() ? failed : FailedLets.noted(failed, let, atomic, session));
      if (!let.isEmpty()) {
        current.fail(let);
      }
    }
    if (atomic && !diagnostics.isEmpty()) {
      return new Run(session, List.of(), diagnostics);
    }
    current.remember(remembered);
    return new Run(current.session(), outcomes, diagnostics, warnings);
  }

  /**
   * The estimate behind an expression such as {@code latency(…) < 33ms}, for {@code devq explain}.
   */
  /**
   * One expression evaluated: its value and the first estimate it computed (the breakdown of {@code
   * latency(m, d)} whether it stands alone or inside a comparison). On failure both are null and
   * the diagnostics say why; an expression that computes no estimate has a null estimate.
   */
  public record Explained(Value value, Breakdown estimate, List<Diagnostic> diagnostics) {
    public Explained {
      diagnostics = List.copyOf(diagnostics);
    }

    static Explained failed(List<Diagnostic> diagnostics) {
      return new Explained(null, null, diagnostics);
    }
  }

  /** Evaluates one expression, keeping the first estimate it computed (for validation). */
  public Explained evaluate(SourceText source, Session session) {
    ParseResult<Expr> parsed = AstBuilder.parseExpression(source);
    if (!parsed.ok()) {
      return Explained.failed(parsed.diagnostics());
    }
    CheckResult checked =
        Checker.check(engine.resolver(), source, session.types(), parsed.value(), false);
    if (!checked.ok()) {
      return Explained.failed(checked.diagnostics());
    }
    try {
      var ev = new Evaluator(engine, source, session.values(), null, stop);
      Value value = ev.eval(checked.expr());
      return new Explained(value, ev.trace().isEmpty() ? null : ev.trace().get(0), List.of());
    } catch (DevqException e) {
      return Explained.failed(List.of(e.diagnostic()));
    } catch (Stopped e) {
      return Explained.failed(List.of(interrupted(source, new Span(0, source.text().length()))));
    }
  }

  /**
   * The session's {@code let}s that the expression {@code source} names, known even when it does
   * not check: what a plot reads, for {@link Session#read}. {@code bound} is a variable the caller
   * binds around the expression (a plot's swept one, or empty), whose name reads no {@code let}.
   * Nothing when the text does not parse.
   */
  public Set<String> reads(SourceText source, Session session, String bound) {
    ParseResult<Expr> parsed = AstBuilder.parseExpression(source);
    if (!parsed.ok()) {
      return Set.of();
    }
    Map<String, Type> types = new HashMap<>(session.types());
    if (!bound.isEmpty()) {
      types.put(bound, Type.ANY);
    }
    Set<String> reads =
        new LinkedHashSet<>(
            Checker.check(engine.resolver(), source, types, parsed.value(), false).reads());
    reads.remove(bound);
    return reads;
  }

  private static Diagnostic interrupted(SourceText source, Span span) {
    return Diagnostic.error(
        DiagnosticCode.INTERRUPTED, "interrupted before it finished", source, span);
  }

  /**
   * Like {@link #evaluate}, for {@code devq explain}: an expression without an estimate is an
   * error, but for one whose value cannot run under a release its target never runs (then the
   * estimate is null and the value says why).
   */
  public Explained explain(SourceText source, Session session) {
    Explained x = evaluate(source, session);
    if (x.value() instanceof Value.CannotRunV never
        && never.why() instanceof dev.devq.cost.CannotRun.Release) {
      // nothing was estimated under a release the target never runs: the reason is the answer
      return new Explained(x.value(), null, List.of());
    }
    if (x.diagnostics().isEmpty() && x.estimate() == null) {
      return Explained.failed(
          List.of(
              Diagnostic.error(
                      dev.devq.lang.DiagnosticCode.TYPE_MISMATCH,
                      "nothing to explain: the expression computes no estimate",
                      source,
                      new Span(0, source.text().length()))
                  .withNote("explain an estimate, e.g. latency(mobilenet_v2, a16, throttled)")));
    }
    return x;
  }

  private record Step(Outcome outcome, List<Diagnostic> diagnostics, List<Diagnostic> warnings) {
    Step(Outcome outcome, List<Diagnostic> diagnostics) {
      this(outcome, diagnostics, List.of());
    }
  }

  private CheckResult check(Stmt stmt, SourceText source, Map<String, Type> types) {
    Expr expr = stmt instanceof Stmt.Let let ? let.value() : ((Stmt.Eval) stmt).expr();
    boolean named = stmt instanceof Stmt.Eval eval && !eval.label().isEmpty();
    return Checker.check(engine.resolver(), source, types, expr, named);
  }

  /** Runs one checked statement; a {@code let} binds its name in {@code session} once it ran. */
  private Step statement(
      Stmt stmt, CheckResult checked, SourceText source, Session.Draft session, boolean file) {
    if (!checked.ok()) {
      return new Step(null, checked.diagnostics());
    }
    TypedExpr typed = checked.expr();
    if (stmt instanceof Stmt.Let let) {
      var ev = new Evaluator(engine, source, session.values(), null, stop);
      // a comparison keeps its sides, so that a check of the name shows them (Checks.bound)
      Value v = typed instanceof TypedExpr.Compare cmp ? Checks.bound(cmp, ev) : ev.eval(typed);
      Diagnostic unread =
          file ? ShownBooleans.unreadLet(let.name(), typed.type(), v, source, stmt.span()) : null;
      session.bind(let.name(), typed.type(), v);
      if (unread != null) {
        session.awaitingRead(let.name(), unread);
      }
      Diagnostic shadows =
          file ? ShadowedNames.of(engine.resolver(), let.name(), source, let.nameSpan()) : null;
      return new Step(
          new Outcome.Let(stmt.span(), let.name(), v, Outcome.leftOut(ev.leftOut(), v)),
          List.of(),
          shadows == null ? List.of() : List.of(shadows));
    }
    String label = ((Stmt.Eval) stmt).label();
    if (checked.hasHole()) {
      return new Step(holes(typed, source, session.values()), List.of());
    }
    var ev = new Evaluator(engine, source, session.values(), null, stop);
    if (typed.type() instanceof Type.Bool) {
      Checks.Checked verdict = Checks.of(typed, label, stmt.span(), ev);
      return new Step(
          verdict.check(),
          List.of(),
          file ? VacuousChecks.of(verdict.check(), verdict.answer(), typed, source) : List.of());
    }
    Diagnostic shown = file ? ShownBooleans.of(typed.type(), source, typed.span()) : null;
    if (shown != null && shown.severity() == Severity.ERROR) {
      return new Step(null, List.of(shown));
    }
    Value v = ev.eval(typed);
    Diagnostic record =
        file && shown == null ? ShownBooleans.ofValue(v, source, typed.span()) : null;
    if (record != null) {
      return new Step(null, List.of(record));
    }
    if (v instanceof Value.BoolV b) {
      // a boolean the checker could not type statically (e.g. a let of unknown type) still counts
      Span at = label.isEmpty() ? typed.span() : stmt.span();
      var check = Outcome.Check.verdict(at, label, b, "", Outcome.Cases.NONE, ev.leftOut());
      return new Step(
          check, List.of(), file ? VacuousChecks.of(check, b, typed, source) : List.of());
    }
    if (!label.isEmpty()) {
      // a value the checker could not type (a let of unknown type) that is no boolean after all
      return new Step(
          null,
          List.of(
              Diagnostic.error(
                      DiagnosticCode.TYPE_MISMATCH,
                      "a check needs a boolean, and this value is not one",
                      source,
                      typed.span())
                  .withLabel("not a boolean")));
    }
    return new Step(
        new Outcome.Shown(stmt.span(), v, Outcome.leftOut(ev.leftOut(), v)),
        List.of(),
        shown == null ? List.of() : List.of(shown));
  }

  private Outcome holes(TypedExpr typed, SourceText source, Map<String, Value> variables) {
    List<Value.EntityV> targets = new ArrayList<>();
    List<Value> values = new ArrayList<>();
    Set<LeftOut> leftOut = new LinkedHashSet<>();
    var failures = new SharedFailure();
    List<Entity> candidates = new ArrayList<>(engine.kb().devices().values());
    candidates.addAll(engine.kb().socs().values());
    for (Entity candidate : candidates) {
      if (candidate instanceof Device d && !engine.kb().socs().containsKey(d.soc())) {
        continue;
      }
      var hole = new Value.EntityV(candidate);
      try {
        var ev = new Evaluator(engine, source, variables, hole, stop);
        Value v = ev.eval(typed);
        // a target the model cannot run on fills the hole with nothing, and is named once
        leftOut.addAll(ev.leftOut());
        if (v instanceof Value.CannotRunV refused) {
          leftOut.add(new LeftOut.Refused(refused.why()));
          v = typed.type() instanceof Type.Bool ? new Value.BoolV(false) : v;
        }
        // a target whose answer is unknown neither satisfies the query nor is dropped unsaid
        if (v instanceof Value.BoolV b && !b.known()) {
          leftOut.add(new LeftOut.UnknownTarget(hole, b.why()));
        }
        targets.add(hole);
        values.add(v);
        failures.passed();
      } catch (DevqException e) {
        failures.failed(e);
        leftOut.add(new LeftOut.UnknownTarget(hole, e.diagnostic().brief()));
        targets.add(hole);
        values.add(new Value.QuantityV(Quantity.number(Double.NaN)));
      }
    }
    failures.rethrow();
    return new Outcome.HoleFill(
        typed.span(), targets, values, typed.type() instanceof Type.Bool, List.copyOf(leftOut));
  }
}
