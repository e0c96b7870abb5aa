package dev.devq;

import com.fasterxml.jackson.databind.JsonNode;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import dev.devq.query.eval.Outcome.Check;
import dev.devq.query.eval.Outcome.Shown;
import dev.devq.query.eval.Value;
import dev.devq.view.CaseText;
import dev.devq.view.JsonRender;
import dev.devq.view.OutcomeTable;
import dev.devq.view.OutcomeText;
import dev.devq.view.RangeNote;

/**
 * What one statement produced — a binding, a value, a check, or the targets that fill a {@code ?} —
 * with the source it came from, so it can say where it stands. The front ends read its verdict and
 * its text and JSON forms; the values behind them stay inside the engine.
 *
 * <pre>{@code
 * Outcome o = devq.eval("latency(mobilenet_v2, a16) < 33ms").outcomes().get(0);
 * o.text(false)   // "PASS  latency(mobilenet_v2, a16) < 33ms\n      685 µs < 33 ms, …"
 * }</pre>
 */
public final class Outcome {
  /** The counterexamples a text report shows before "and N more". */
  public static final int CASES_SHOWN = OutcomeText.CASES_SHOWN;

  private final dev.devq.query.eval.Outcome outcome;
  private final SourceText source;

  Outcome(dev.devq.query.eval.Outcome outcome, SourceText source) {
    this.outcome = outcome;
    this.source = source;
  }

  /** The source text the statement came from (a file, a document's block, the command line). */
  public SourceText source() {
    return source;
  }

  /** Where the statement (or, for an unlabelled check, its expression) stands in the source. */
  public Span span() {
    return outcome.span();
  }

  /** The line the outcome starts on, 1-based. */
  public int line() {
    return source.line(outcome.span().start());
  }

  /** The statement's text on one line, as a report names an unlabelled check. */
  public String expression() {
    return source.slice(outcome.span()).replaceAll("\\s+", " ").strip();
  }

  public boolean isCheck() {
    return outcome instanceof Check;
  }

  /** A plain value shown (neither a binding, a check nor a hole filling). */
  public boolean isValue() {
    return outcome instanceof Shown;
  }

  /** Whether a check passed; false for anything that is not a check. */
  public boolean passed() {
    return outcome instanceof Check c && c.pass();
  }

  /** A check's label, or the statement's text when it has none. */
  public String name() {
    return outcome instanceof Check c && !c.label().isEmpty() ? c.label() : expression();
  }

  /**
   * The outcome as a person reads it; a check starts with PASS or FAIL, and with {@code
   * withPosition} its file and line.
   */
  public String text(boolean withPosition) {
    return OutcomeText.render(outcome, source, withPosition);
  }

  /** A check's text with at most {@code maxCases} counterexamples ({@code text} shows five). */
  public String checkText(boolean withPosition, int maxCases) {
    return OutcomeText.check(check(), source, withPosition, maxCases);
  }

  /**
   * A check's sides joined by their operators, the failing link read "is not", without the verdict:
   * {@code 4.2 ms < 33 ms}, {@code 15.3 ms is not < 5 ms}.
   */
  public String sides() {
    return OutcomeText.sides(check());
  }

  /**
   * Why a check stands as it does in one line: the counterexamples (or witness) of a quantified
   * check, else why its answer is unknown ("unknown: …"), else its margin ("12 ms over (36%)"),
   * else why a side cannot run, else empty.
   */
  public String margin() {
    return margin(CASES_SHOWN);
  }

  /**
   * {@link #margin()} naming up to {@code shown} counterexamples before "and N more": a report that
   * must name every one (Markdown, as JSON and JUnit do) asks for all.
   */
  public String margin(int shown) {
    Check c = check();
    if (c.cases().quantified()) {
      return CaseText.summary(c.cases(), shown);
    }
    if (c.isUnknown()) {
      return OutcomeText.unknown(c);
    }
    return refused(c) ? c.dominated() : c.margin().text();
  }

  /**
   * The lines on the 80% ranges it shows: why an estimate shows none, its runtime's measurements
   * being all of another kind of model ({@code no 80% range: llama.cpp's measurements …}), and the
   * older OS releases they allow for, each with how to name a release and narrow the range ({@code
   * the 80% range allows for iOS 16, … os = "iOS 17"}); empty when there is nothing to say. {@link
   * #text} gives them under the value, a check's whether it passed or not; the reports that have no
   * line of their own for them (Markdown, CSV, JUnit) read them here.
   */
  public java.util.List<String> rangeNotes() {
    return RangeNote.lines(outcome);
  }

  /**
   * {@link #margin(int)}, then {@link #rangeNotes()}, joined by {@code ; }: the one cell a report
   * of a row per check (Markdown, CSV) has for what text says under the sides.
   */
  public String marginWithNotes(int shown) {
    var parts = new java.util.ArrayList<String>();
    String margin = margin(shown);
    if (!margin.isEmpty()) {
      parts.add(margin);
    }
    parts.addAll(rangeNotes());
    return String.join("; ", parts);
  }

  /**
   * Whether the check, or an item of a quantified one, holds at the estimate but not at the
   * pessimistic end of its 80% range: {@link #margin()} says which and why.
   */
  public boolean onlyAtEstimate() {
    Check c = check();
    return c.margin().onlyAtEstimate()
        || !c.cases().onlyAtEstimate().isEmpty()
        || c.cases().decisive().stream().anyMatch(k -> k.pass() && k.margin().onlyAtEstimate());
  }

  /** Whether the check has a margin, cases or a refusal to show in {@link #margin()}. */
  public boolean hasMargin() {
    Check c = check();
    return c.cases().quantified() || c.margin().present() || refused(c) || c.isUnknown();
  }

  /** Whether a side of the check is a model that cannot run on its target. */
  private static boolean refused(Check c) {
    return c.operands().stream().anyMatch(Value.CannotRunV.class::isInstance);
  }

  /** Whether the statement was a {@code table} query. */
  public boolean isTable() {
    return outcome instanceof Shown s && s.value() instanceof Value.TableV;
  }

  /**
   * The outcome as CSV (RFC 4180, units in the headers): a table as it is, a list as one column, a
   * value as one cell under its expression, a check as one row; what a value or a hole left out
   * because it cannot run follows as a {@code # } comment line.
   */
  public String csv() {
    return OutcomeTable.csv(outcome, source);
  }

  /**
   * The outcome as a Markdown table, shaped as {@link #csv()}; what was left out follows as a
   * paragraph.
   */
  public String markdown() {
    return OutcomeTable.markdown(outcome, source);
  }

  /**
   * The outcome as JSON: a value, {@code {kind: value, value, left_out}} for one that left out what
   * cannot run, {@code {kind: let, let, value}}, a check with its label, source text and sides, or
   * {@code {kind: targets, targets}}.
   */
  public JsonNode json() {
    return JsonRender.outcome(outcome, expression());
  }

  private Check check() {
    if (outcome instanceof Check c) {
      return c;
    }
    throw new IllegalStateException("not a check: " + expression());
  }
}
