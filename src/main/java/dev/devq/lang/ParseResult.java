package dev.devq.lang;

import java.util.List;

/**
 * The outcome of parsing: a complete tree or diagnostics, never a partial tree.
 *
 * @param <T> the tree type ({@code List<Stmt>}, {@code Expr}, …)
 */
public record ParseResult<T>(T value, List<Diagnostic> diagnostics) {
  public ParseResult {
    diagnostics = List.copyOf(diagnostics);
    if (diagnostics.isEmpty() == (value == null)) {
      throw new IllegalArgumentException("a parse result holds either a value or diagnostics");
    }
  }

  public static <T> ParseResult<T> ok(T value) {
    return new ParseResult<>(value, List.of());
  }

  public static <T> ParseResult<T> failed(List<Diagnostic> diagnostics) {
    return new ParseResult<>(null, diagnostics);
  }

  public boolean ok() {
    return diagnostics.isEmpty();
  }
}
