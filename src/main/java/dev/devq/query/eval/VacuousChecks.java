package dev.devq.query.eval;

import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.Severity;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import dev.devq.query.check.TypedExpr;
import java.util.ArrayList;
import java.util.List;

/**
 * The one rule for a check that passes without testing anything: its verdict rests on a quantifier
 * over a list that is empty, or that its {@code where} filter empties ({@link Vacuous}): an {@code
 * all} over nothing is true, an {@code any} over nothing false, as logic says, and a query file or
 * review document keeps such a check passing; but a filter that selects nothing is as often a
 * mistake ({@code d.year >= 2205}, a device family that was renamed) as an intent, and CI would go
 * on passing a constraint that constrains nothing. So the file is told, as a warning at each such
 * quantifier the verdict rests on, with the check that would fail in that case: the quantifier
 * itself, under {@code not}, beside another side of {@code and} or {@code or} that does not decide
 * the verdict alone, or in a {@code let} the check reads ({@link Value.BoolV#vacuous}).
 */
final class VacuousChecks {
  private VacuousChecks() {}

  /**
   * The warnings for {@code check}, whose answer is {@code answer}, of the statement {@code typed}:
   * none when it failed, or passed without resting on a quantifier over nothing.
   */
  static List<Diagnostic> of(
      Outcome.Check check, Value.BoolV answer, TypedExpr typed, SourceText source) {
    List<Diagnostic> out = new ArrayList<>();
    if (!check.pass()) {
      return out;
    }
    for (Vacuous v : answer.vacuous()) {
      Diagnostic w = warning(v, v.source() == source && v.quantifier().equals(typed.span()));
      boolean inCheck =
          v.source() == source
              && v.quantifier().start() >= check.span().start()
              && v.quantifier().end() <= check.span().end();
      // a quantifier a 'let' bound is shown where it was written: say which check read it
      out.add(
          inCheck
              ? w
              : w.withNote("read by the check at " + source.position(check.span().start())));
    }
    return out;
  }

  private static Diagnostic warning(Vacuous v, boolean whole) {
    String why = v.filtered() ? "no item passed the 'where' filter" : "the list is empty";
    String head = v.source().text().substring(v.head().start(), v.head().end()).strip();
    // 'any …: true' over the same list and filter fails exactly when nothing is tested; inside
    // quantifiers whose every item it decided, asked through them as 'any' too
    StringBuilder any = new StringBuilder();
    v.enclosing().forEach(outer -> any.append(asAny(outer)).append(' '));
    any.append(asAny(head)).append(" true");
    int start = v.head().start();
    return new Diagnostic(
        Severity.WARNING,
        DiagnosticCode.VACUOUS,
        (whole
                ? "this check passes without testing anything: "
                : "this check passes on a quantifier that tests nothing: ")
            + why,
        v.source(),
        new Span(start, start + head.length()),
        "tests no item",
        List.of("to fail when nothing is tested, check beside it: " + any));
  }

  /**
   * A quantifier's head as {@code any}, on one line without its comments, so that the suggestion
   * reads as one statement (a '#' in a text literal is no comment: such a head keeps its text, on
   * one line).
   */
  private static String asAny(String head) {
    String stripped = head.strip();
    String uncommented = stripped.indexOf('"') < 0 ? stripped.replaceAll("#[^\n]*", " ") : stripped;
    String oneLine = uncommented.replaceAll("\\s+", " ").strip();
    return "any" + oneLine.substring("all".length());
  }
}
