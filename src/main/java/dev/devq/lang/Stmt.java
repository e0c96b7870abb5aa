package dev.devq.lang;

/** One statement of a query file. Built only by {@link AstBuilder}. */
public sealed interface Stmt {
  Span span();

  /** {@code let name = value}. */
  record Let(Span span, String name, Span nameSpan, Expr value) implements Stmt {}

  /**
   * An expression statement; a boolean one is a check. {@code label} is the name given with {@code
   * check "name": …}, or empty.
   */
  record Eval(Span span, String label, Expr expr) implements Stmt {}
}
