package dev.devq.query.eval;

import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import dev.devq.query.check.TypedExpr;

/**
 * A quantifier that tested no item: an {@code all} over nothing (true) or an {@code any} over
 * nothing (false), as a truth that rests on it carries it ({@link Value.BoolV#vacuous}), so that a
 * check whose verdict it decided is warned of ({@link VacuousChecks}) wherever it sits: under
 * {@code not}, {@code and}, {@code or}, or in a {@code let} the check reads by name.
 *
 * @param source the text the quantifier was written in (a {@code let}'s, which may be another
 *     statement or block than the check's)
 * @param quantifier the whole quantifier
 * @param head its head, from {@code all} or {@code any} to the start of its body
 * @param filtered whether a {@code where} filter emptied it (else its list was empty)
 */
public record Vacuous(SourceText source, Span quantifier, Span head, boolean filtered) {
  static Vacuous of(TypedExpr.Quantifier q, SourceText source) {
    return new Vacuous(
        source,
        q.span(),
        new Span(q.span().start(), q.body().span().start()),
        !q.filter().isEmpty());
  }
}
