package dev.devq.lang.unit;

import dev.devq.lang.AstBuilder;
import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.Expr;
import dev.devq.lang.ParseResult;
import dev.devq.lang.SourceText;
import dev.devq.lang.Suggestions;
import java.util.List;

/**
 * Reads a quantity written as text ({@code 51.2 GB/s}) with the query language's own grammar and
 * unit registry, so profiles and queries cannot disagree on what a unit means.
 */
public final class QuantityParser {
  private QuantityParser() {}

  /** Parses and resolves the unit; diagnostics point into {@code source}. */
  public static ParseResult<Quantity> parse(SourceText source) {
    ParseResult<Expr.QuantityLit> literal = AstBuilder.parseQuantity(source);
    if (!literal.ok()) {
      return ParseResult.failed(literal.diagnostics());
    }
    return resolve(literal.value(), source);
  }

  /** Resolves the unit of a parsed literal. */
  public static ParseResult<Quantity> resolve(Expr.QuantityLit lit, SourceText source) {
    if (lit.unit().isEmpty()) {
      return ParseResult.ok(Quantity.number(lit.value()));
    }
    Unit unit = UnitRegistry.standard().find(lit.unit());
    if (unit == null) {
      Diagnostic d =
          Diagnostic.error(
                  DiagnosticCode.UNKNOWN_UNIT,
                  "unknown unit '" + lit.unit() + "'",
                  source,
                  lit.unitSpan())
              .withNote(Suggestions.didYouMean(lit.unit(), UnitRegistry.standard().names()));
      return ParseResult.failed(List.of(d));
    }
    // Literals display like computed values ("10 min", "33 ms"); only a percentage stays one.
    String display = "%".equals(lit.unit()) ? "%" : "";
    return ParseResult.ok(new Quantity(lit.value() * unit.factor(), unit.dimension(), display));
  }
}
