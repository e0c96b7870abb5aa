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
 * Reads a quantity written as text ({@code 51.2 GB/s}) with the query language's own unit registry,
 * so profiles and queries cannot disagree on what a unit means: well-formed text through a small
 * scanner, anything else through the grammar, which reports it.
 */
public final class QuantityParser {
  private QuantityParser() {}

  /** Longer text is never a plain quantity; the grammar then reports it (too large, or wrong). */
  private static final int SCANNED_LENGTH = 256;

  /** Parses and resolves the unit; diagnostics point into {@code source}. */
  public static ParseResult<Quantity> parse(SourceText source) {
    // The common case, a well-formed quantity, skips the parser; anything else goes to the grammar
    // so errors read exactly as they do in queries.
    if (source.text().length() <= SCANNED_LENGTH) {
      Quantity scanned = QuantityScanner.scan(source.text(), UnitRegistry.standard());
      if (scanned != null) {
        return ParseResult.ok(scanned);
      }
    }
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
    String display = Quantity.literalDisplay(lit.unit(), unit);
    return ParseResult.ok(new Quantity(lit.value() * unit.factor(), unit.dimension(), display));
  }
}
