package dev.devq.query.check;

import dev.devq.lang.Expr;
import dev.devq.lang.Span;
import java.util.List;

/**
 * The checked tree: every node carries its {@link Type}, names are resolved to entities, symbols or
 * variables, and call arguments are in signature order. Built only by {@link Checker}; the
 * evaluator accepts nothing else.
 */
public sealed interface TypedExpr {
  Span span();

  Type type();

  <R> R accept(Visitor<R> v);

  /** One method per node kind. */
  interface Visitor<R> {
    R visitQuantityConst(QuantityConst e);

    R visitBoolConst(BoolConst e);

    R visitStrConst(StrConst e);

    R visitEntityRef(EntityRef e);

    R visitModelRef(ModelRef e);

    R visitSocRef(SocRef e);

    R visitSymbolRef(SymbolRef e);

    R visitVar(Var e);

    R visitHoleRef(HoleRef e);

    R visitCollection(Collection e);

    R visitCall(Call e);

    R visitMember(Member e);

    R visitUnary(Unary e);

    R visitBinary(Binary e);

    R visitCompare(Compare e);

    R visitConvert(Convert e);

    R visitListLit(ListLit e);

    R visitComprehension(Comprehension e);

    R visitQuantifier(Quantifier e);

    R visitAggregate(Aggregate e);

    R visitSearch(Search e);

    R visitListFor(ListFor e);

    R visitTable(Table e);
  }

  /** A number with a unit. */
  record QuantityConst(Span span, Type type, dev.devq.lang.unit.Quantity value)
      implements TypedExpr {
    public <R> R accept(Visitor<R> v) {
      return v.visitQuantityConst(this);
    }
  }

  record BoolConst(Span span, Type type, boolean value) implements TypedExpr {
    public <R> R accept(Visitor<R> v) {
      return v.visitBoolConst(this);
    }
  }

  record StrConst(Span span, Type type, String value) implements TypedExpr {
    public <R> R accept(Visitor<R> v) {
      return v.visitStrConst(this);
    }
  }

  /** A SoC, device or op named in the query. */
  record EntityRef(Span span, Type type, dev.devq.kb.Entity entity) implements TypedExpr {
    public <R> R accept(Visitor<R> v) {
      return v.visitEntityRef(this);
    }
  }

  /** A zoo model, with parameters when called: {@code mobilenet_v2(width = 0.5)}. */
  record ModelRef(
      Span span,
      Type type,
      dev.devq.kb.ModelProfile profile,
      List<String> paramNames,
      List<TypedExpr> paramValues)
      implements TypedExpr {
    public ModelRef {
      paramNames = List.copyOf(paramNames);
      paramValues = List.copyOf(paramValues);
    }

    public <R> R accept(Visitor<R> v) {
      return v.visitModelRef(this);
    }
  }

  /**
   * A binned part of a SoC whose parameters the query computes: {@code m3_max(gpu_cores = g)}. A
   * call with literal values is resolved by the checker to an {@link EntityRef} of the part.
   */
  record SocRef(
      Span span,
      Type type,
      dev.devq.kb.Soc soc,
      List<String> paramNames,
      List<TypedExpr> paramValues)
      implements TypedExpr {
    public SocRef {
      paramNames = List.copyOf(paramNames);
      paramValues = List.copyOf(paramValues);
    }

    public <R> R accept(Visitor<R> v) {
      return v.visitSocRef(this);
    }
  }

  /** A word of a fixed set, parsed: {@code throttled}, {@code cpu_and_ne}, {@code w8a8}. */
  record SymbolRef(Span span, Type type, Word word) implements TypedExpr {
    public <R> R accept(Visitor<R> v) {
      return v.visitSymbolRef(this);
    }
  }

  /** A {@code let} binding or a quantifier variable. */
  record Var(Span span, Type type, String name) implements TypedExpr {
    public <R> R accept(Visitor<R> v) {
      return v.visitVar(this);
    }
  }

  /** The typed hole {@code ?}. */
  record HoleRef(Span span, Type type) implements TypedExpr {
    public <R> R accept(Visitor<R> v) {
      return v.visitHoleRef(this);
    }
  }

  /** {@code socs}, {@code devices}, {@code models} or {@code ops}. */
  record Collection(Span span, Type type, String kind) implements TypedExpr {
    public <R> R accept(Visitor<R> v) {
      return v.visitCollection(this);
    }
  }

  /** A built-in function with every argument in signature order (defaults filled in). */
  record Call(Span span, Type type, Builtin function, List<TypedExpr> args) implements TypedExpr {
    public Call {
      args = List.copyOf(args);
    }

    /** The argument bound to a parameter of the function's signature. */
    public TypedExpr arg(Signature.Param p) {
      int i = function.position(p);
      if (i < 0) {
        throw new IllegalArgumentException(function.key() + " has no parameter " + p.name());
      }
      return args.get(i);
    }

    /**
     * Whether the call left {@code p} out: its default stands at the whole call, a span that no
     * argument written inside the parentheses has.
     */
    public boolean leftOut(Signature.Param p) {
      return arg(p).span().equals(span);
    }

    public <R> R accept(Visitor<R> v) {
      return v.visitCall(this);
    }
  }

  record Member(Span span, Type type, TypedExpr target, String member, Span memberSpan)
      implements TypedExpr {
    public <R> R accept(Visitor<R> v) {
      return v.visitMember(this);
    }
  }

  record Unary(Span span, Type type, Expr.UnaryOp op, TypedExpr operand) implements TypedExpr {
    public <R> R accept(Visitor<R> v) {
      return v.visitUnary(this);
    }
  }

  record Binary(
      Span span, Type type, Span opSpan, Expr.BinaryOp op, TypedExpr left, TypedExpr right)
      implements TypedExpr {
    public <R> R accept(Visitor<R> v) {
      return v.visitBinary(this);
    }
  }

  record Compare(
      Span span, Type type, List<TypedExpr> operands, List<Expr.CompareOp> ops, List<Span> opSpans)
      implements TypedExpr {
    public Compare {
      operands = List.copyOf(operands);
      ops = List.copyOf(ops);
      opSpans = List.copyOf(opSpans);
    }

    public <R> R accept(Visitor<R> v) {
      return v.visitCompare(this);
    }
  }

  /** {@code expr in ms}. */
  record Convert(Span span, Type type, TypedExpr value, String unit) implements TypedExpr {
    public <R> R accept(Visitor<R> v) {
      return v.visitConvert(this);
    }
  }

  record ListLit(Span span, Type type, List<TypedExpr> elements) implements TypedExpr {
    public ListLit {
      elements = List.copyOf(elements);
    }

    public <R> R accept(Visitor<R> v) {
      return v.visitListLit(this);
    }
  }

  record Comprehension(Span span, Type type, String var, TypedExpr source, List<TypedExpr> filter)
      implements TypedExpr {
    public Comprehension {
      filter = List.copyOf(filter);
    }

    public <R> R accept(Visitor<R> v) {
      return v.visitComprehension(this);
    }
  }

  record Quantifier(
      Span span,
      Type type,
      Expr.QuantifierKind kind,
      String var,
      TypedExpr source,
      List<TypedExpr> filter,
      TypedExpr body)
      implements TypedExpr {
    public Quantifier {
      filter = List.copyOf(filter);
    }

    public <R> R accept(Visitor<R> v) {
      return v.visitQuantifier(this);
    }
  }

  record Aggregate(
      Span span,
      Type type,
      Expr.AggregateKind kind,
      String var,
      TypedExpr source,
      List<TypedExpr> filter,
      TypedExpr key)
      implements TypedExpr {
    public Aggregate {
      filter = List.copyOf(filter);
    }

    public <R> R accept(Visitor<R> v) {
      return v.visitAggregate(this);
    }
  }

  /** {@code x in S}, checked: the variable and its list. */
  record Binding(String var, TypedExpr source) {}

  /** {@code [e for x in S where P]}: a list of the values of {@code element}. */
  record ListFor(
      Span span, Type type, TypedExpr element, List<Binding> bindings, List<TypedExpr> filter)
      implements TypedExpr {
    public ListFor {
      bindings = List.copyOf(bindings);
      filter = List.copyOf(filter);
    }

    public <R> R accept(Visitor<R> v) {
      return v.visitListFor(this);
    }
  }

  /**
   * {@code table …}: its type ({@link Type.Table}) names the headers and column types; {@code key}
   * is empty without {@code by}, {@code limit} is -1 without {@code top}.
   */
  record Table(
      Span span,
      Type type,
      List<Binding> bindings,
      List<TypedExpr> filter,
      List<TypedExpr> columns,
      List<TypedExpr> key,
      boolean descending,
      int limit)
      implements TypedExpr {
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

  record Search(Span span, Type type, String query) implements TypedExpr {
    public <R> R accept(Visitor<R> v) {
      return v.visitSearch(this);
    }
  }
}
