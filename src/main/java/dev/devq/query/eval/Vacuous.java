package dev.devq.query.eval;

import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import dev.devq.query.check.TypedExpr;
import java.util.ArrayList;
import java.util.List;

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
 * @param enclosing the heads, as written, of the quantifiers whose every item rested on it,
 *     outermost first ({@code all d in devices:} of {@code all d in devices: all m in [] : …}): the
 *     check that fails when nothing is tested asks through them
 */
public record Vacuous(
    SourceText source, Span quantifier, Span head, boolean filtered, List<String> enclosing) {
  public Vacuous {
    enclosing = List.copyOf(enclosing);
  }

  static Vacuous of(TypedExpr.Quantifier q, SourceText source) {
    return new Vacuous(
        source,
        q.span(),
        new Span(q.span().start(), q.body().span().start()),
        !q.filter().isEmpty(),
        List.of());
  }

  /**
   * The same quantifier, inside {@code outer} (written in {@code text}), each of whose items it
   * decided.
   */
  Vacuous within(TypedExpr.Quantifier outer, SourceText text) {
    List<String> heads = new ArrayList<>();
    heads.add(text.text().substring(outer.span().start(), outer.body().span().start()));
    heads.addAll(enclosing);
    return new Vacuous(source, quantifier, head, filtered, heads);
  }
}
