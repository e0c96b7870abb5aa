package dev.devq.query.eval;

import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.Expr;
import dev.devq.lang.Severity;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import dev.devq.query.check.TypedExpr;
import java.util.List;

/**
 * The one rule for a check that passes without testing anything: an {@code all} over a list that is
 * empty, or that its {@code where} filter empties. It is true, as logic says, and a query file or
 * review document keeps it passing; but a filter that selects nothing is as often a mistake ({@code
 * d.year >= 2205}, a device family that was renamed) as an intent, and CI would go on passing a
 * constraint that constrains nothing. So the file is told, as a warning with the check that would
 * fail in that case.
 */
final class VacuousChecks {
  private VacuousChecks() {}

  /**
   * The warning for {@code check}, the outcome of {@code typed}, or null if it tested something.
   */
  static Diagnostic of(Outcome.Check check, TypedExpr typed, SourceText source) {
    Outcome.Cases cases = check.cases();
    if (!check.pass()
        || !cases.quantified()
        || cases.kind() != Expr.QuantifierKind.ALL
        || cases.tested() > 0
        || !(typed instanceof TypedExpr.Quantifier q)) {
      return null;
    }
    String why = cases.filtered() ? "no item passed the 'where' filter" : "the list is empty";
    // 'any …: true' over the same list and filter fails exactly when nothing is tested
    String head = source.text().substring(q.span().start(), q.body().span().start()).strip();
    // on one line without its comments, so that the suggestion reads as one statement (a '#' in
    // a text literal is no comment: such a head keeps its text, on one line)
    String uncommented = head.indexOf('"') < 0 ? head.replaceAll("#[^\n]*", " ") : head;
    String oneLine = uncommented.replaceAll("\\s+", " ");
    String any = "any" + oneLine.substring("all".length()) + " true";
    return new Diagnostic(
        Severity.WARNING,
        DiagnosticCode.VACUOUS,
        "this check passes without testing anything: " + why,
        source,
        new Span(q.span().start(), q.span().start() + head.length()),
        "tests no item",
        List.of("to fail when nothing is tested, check beside it: " + any));
  }
}
