package dev.devq.lang;

import java.util.List;

/**
 * Untyped syntax tree of one expression, with spans. Built only by {@link AstBuilder}; the checker
 * turns it into a typed tree. Optional parts are lists of zero or one element, so no node holds
 * {@code null}.
 */
public sealed interface Expr {
  Span span();

  <R> R accept(Visitor<R> v);

  /** One method per node kind: a new kind breaks every pass that lacks it at compile time. */
  interface Visitor<R> {
    R visitQuantity(QuantityLit e);

    R visitString(StringLit e);

    R visitBool(BoolLit e);

    R visitHole(Hole e);

    R visitName(Name e);

    R visitCall(Call e);

    R visitMember(Member e);

    R visitUnary(Unary e);

    R visitBinary(Binary e);

    R visitCompare(Compare e);

    R visitConvert(Convert e);

    R visitList(ListLit e);

    R visitComprehension(Comprehension e);

    R visitQuantifier(Quantifier e);

    R visitAggregate(Aggregate e);

    R visitSearch(Search e);

    R visitListFor(ListFor e);

    R visitTable(Table e);
  }

  /** {@code 33ms}, {@code 51.2 GB/s}, {@code 80%}, {@code 3}: unit is empty for a plain number. */
  record QuantityLit(Span span, double value, String unit, Span unitSpan) implements Expr {
    public <R> R accept(Visitor<R> v) {
      return v.visitQuantity(this);
    }
  }

  record StringLit(Span span, String value) implements Expr {
    public <R> R accept(Visitor<R> v) {
      return v.visitString(this);
    }
  }

  record BoolLit(Span span, boolean value) implements Expr {
    public <R> R accept(Visitor<R> v) {
      return v.visitBool(this);
    }
  }

  /** {@code ?}: a typed hole; the query lists the values that make it true. */
  record Hole(Span span) implements Expr {
    public <R> R accept(Visitor<R> v) {
      return v.visitHole(this);
    }
  }

  record Name(Span span, String id) implements Expr {
    public <R> R accept(Visitor<R> v) {
      return v.visitName(this);
    }
  }

  /** An argument, positional when {@code name} is empty. */
  record Arg(Span span, String name, Span nameSpan, Expr value) {}

  record Call(Span span, String callee, Span calleeSpan, List<Arg> args) implements Expr {
    public Call {
      args = List.copyOf(args);
    }

    public <R> R accept(Visitor<R> v) {
      return v.visitCall(this);
    }
  }

  record Member(Span span, Expr target, String member, Span memberSpan) implements Expr {
    public <R> R accept(Visitor<R> v) {
      return v.visitMember(this);
    }
  }

  record Unary(Span span, UnaryOp op, Expr operand) implements Expr {
    public <R> R accept(Visitor<R> v) {
      return v.visitUnary(this);
    }
  }

  record Binary(Span span, Span opSpan, BinaryOp op, Expr left, Expr right) implements Expr {
    public <R> R accept(Visitor<R> v) {
      return v.visitBinary(this);
    }
  }

  /** A comparison chain {@code a < b <= c}: n operands, n-1 operators. */
  record Compare(Span span, List<Expr> operands, List<CompareOp> ops, List<Span> opSpans)
      implements Expr {
    public Compare {
      operands = List.copyOf(operands);
      ops = List.copyOf(ops);
      opSpans = List.copyOf(opSpans);
      if (operands.size() != ops.size() + 1 || ops.size() != opSpans.size() || ops.isEmpty()) {
        throw new IllegalArgumentException("malformed comparison chain");
      }
    }

    public <R> R accept(Visitor<R> v) {
      return v.visitCompare(this);
    }
  }

  /** {@code expr in ms}: convert for display. */
  record Convert(Span span, Expr value, String unit, Span unitSpan) implements Expr {
    public <R> R accept(Visitor<R> v) {
      return v.visitConvert(this);
    }
  }

  record ListLit(Span span, List<Expr> elements) implements Expr {
    public ListLit {
      elements = List.copyOf(elements);
    }

    public <R> R accept(Visitor<R> v) {
      return v.visitList(this);
    }
  }

  /** {@code [x in S where P]}. */
  record Comprehension(Span span, String var, Span varSpan, Expr source, List<Expr> filter)
      implements Expr {
    public Comprehension {
      filter = List.copyOf(filter);
    }

    public <R> R accept(Visitor<R> v) {
      return v.visitComprehension(this);
    }
  }

  /** {@code all x in S where P: Q} and {@code any …}. */
  record Quantifier(
      Span span,
      QuantifierKind kind,
      String var,
      Span varSpan,
      Expr source,
      List<Expr> filter,
      Expr body)
      implements Expr {
    public Quantifier {
      filter = List.copyOf(filter);
    }

    public <R> R accept(Visitor<R> v) {
      return v.visitQuantifier(this);
    }
  }

  /** {@code argmax m in models where P by key}. */
  record Aggregate(
      Span span,
      AggregateKind kind,
      String var,
      Span varSpan,
      Expr source,
      List<Expr> filter,
      Expr key)
      implements Expr {
    public Aggregate {
      filter = List.copyOf(filter);
    }

    public <R> R accept(Visitor<R> v) {
      return v.visitAggregate(this);
    }
  }

  /**
   * {@code x in S}: one source of a table or a {@code for} list; several make every combination.
   */
  record Binding(Span span, String var, Span varSpan, Expr source) {}

  /** {@code [e for x in S, y in T where P]}: the value of {@code e} for each combination. */
  record ListFor(Span span, Expr element, List<Binding> bindings, List<Expr> filter)
      implements Expr {
    public ListFor {
      bindings = List.copyOf(bindings);
      filter = List.copyOf(filter);
    }

    public <R> R accept(Visitor<R> v) {
      return v.visitListFor(this);
    }
  }

  /** One column of a table: its expression and its header (the label, or the source text). */
  record Column(Span span, Expr value, String header) {}

  /**
   * {@code table x in S where P: e1, e2 as "label" by k desc top N}. {@code key} is empty without
   * {@code by}; {@code limit} is -1 without {@code top} ({@code limitSpan} then marks the end).
   */
  record Table(
      Span span,
      List<Binding> bindings,
      List<Expr> filter,
      List<Column> columns,
      List<Expr> key,
      boolean descending,
      double limit,
      Span limitSpan)
      implements Expr {
    public Table {
      bindings = List.copyOf(bindings);
      filter = List.copyOf(filter);
      columns = List.copyOf(columns);
      key = List.copyOf(key);
    }

    public <R> R accept(Visitor<R> v) {
      return v.visitTable(this);
    }
  }

  /** {@code search "layer norm"}. */
  record Search(Span span, String query) implements Expr {
    public <R> R accept(Visitor<R> v) {
      return v.visitSearch(this);
    }
  }

  enum UnaryOp {
    NEG("-"),
    PLUS("+"),
    NOT("not ");

    public final String symbol;

    UnaryOp(String symbol) {
      this.symbol = symbol;
    }
  }

  enum BinaryOp {
    ADD("+"),
    SUB("-"),
    MUL("*"),
    DIV("/"),
    AND("and"),
    OR("or");

    public final String symbol;

    BinaryOp(String symbol) {
      this.symbol = symbol;
    }
  }

  enum CompareOp {
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">="),
    EQ("=="),
    NE("!=");

    public final String symbol;

    CompareOp(String symbol) {
      this.symbol = symbol;
    }

    /**
     * Whether {@code x op y} holds for two numbers in the same unit. Figures that differ only by
     * rounding ({@link #sameFigure}) are equal: {@code 100 ms + 200 ms > 0.3 s} is false.
     */
    public boolean holds(double x, double other) {
      double y = sameFigure(x, other) ? x : other;
      return switch (this) {
        case LT -> x < y;
        case LE -> x <= y;
        case GT -> x > y;
        case GE -> x >= y;
        case EQ -> x == y;
        case NE -> x != y;
      };
    }

    /**
     * Whether two figures differ only by the rounding of binary arithmetic, within 16 units of the
     * last place of the larger: 0.1 + 0.2 is 0.3, while whole numbers a double holds exactly stay
     * apart (7000000000001 is more than 7000000000000), and infinity equals only itself.
     */
    public static boolean sameFigure(double x, double y) {
      return x == y
          || Double.isFinite(x)
              && Double.isFinite(y)
              && Math.abs(x - y) <= 16 * Math.ulp(Math.max(Math.abs(x), Math.abs(y)));
    }
  }

  enum QuantifierKind {
    ALL,
    ANY
  }

  enum AggregateKind {
    MIN,
    MAX,
    ARGMIN,
    ARGMAX
  }
}
