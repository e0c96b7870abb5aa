package dev.devq.query.check;

import dev.devq.lang.unit.QuantityFormat;
import java.util.List;

/**
 * Prints a checked tree one node a line, indented by depth: the node, what it resolved to, and
 * {@code : type}. Calls show their {@link Builtin} and each argument's parameter.
 */
final class TypedDump implements TypedExpr.Visitor<Void> {
  private final StringBuilder out = new StringBuilder();
  private int depth;
  private String prefix = "";

  static String dump(TypedExpr e) {
    var d = new TypedDump();
    e.accept(d);
    return d.out.toString();
  }

  private Void line(TypedExpr e, String text) {
    out.append("  ".repeat(depth))
        .append(prefix)
        .append(text)
        .append(" : ")
        .append(e.type().describe())
        .append('\n');
    prefix = "";
    return null;
  }

  private Void node(TypedExpr e, String text, List<TypedExpr> children) {
    line(e, text);
    depth++;
    children.forEach(c -> c.accept(this));
    depth--;
    return null;
  }

  public Void visitQuantityConst(TypedExpr.QuantityConst e) {
    return line(e, "Quantity " + QuantityFormat.format(e.value()));
  }

  public Void visitBoolConst(TypedExpr.BoolConst e) {
    return line(e, "Bool " + e.value());
  }

  public Void visitStrConst(TypedExpr.StrConst e) {
    return line(e, "Str \"" + e.value() + "\"");
  }

  public Void visitEntityRef(TypedExpr.EntityRef e) {
    return line(e, "Entity " + e.entity().kind() + " " + e.entity().label());
  }

  public Void visitModelRef(TypedExpr.ModelRef e) {
    return node(e, "Model " + e.profile().id() + " " + e.paramNames(), e.paramValues());
  }

  public Void visitSocRef(TypedExpr.SocRef e) {
    return node(e, "SocPart " + e.soc().id() + " " + e.paramNames(), e.paramValues());
  }

  public Void visitSymbolRef(TypedExpr.SymbolRef e) {
    return line(e, "Word " + e.word().getClass().getSimpleName() + " " + e.word().text());
  }

  public Void visitVar(TypedExpr.Var e) {
    return line(e, "Var " + e.name());
  }

  public Void visitHoleRef(TypedExpr.HoleRef e) {
    return line(e, "Hole");
  }

  public Void visitCollection(TypedExpr.Collection e) {
    return line(e, "Collection " + e.kind());
  }

  public Void visitCall(TypedExpr.Call e) {
    line(e, "Call " + e.function());
    depth++;
    List<Signature.Param> params = e.function().signature().params();
    for (int i = 0; i < e.args().size(); i++) {
      prefix = e.function().isVariadic() ? "" : params.get(i).name() + " = ";
      e.args().get(i).accept(this);
    }
    depth--;
    return null;
  }

  public Void visitMember(TypedExpr.Member e) {
    return node(e, "Member ." + e.member(), List.of(e.target()));
  }

  public Void visitUnary(TypedExpr.Unary e) {
    return node(e, "Unary " + e.op(), List.of(e.operand()));
  }

  public Void visitBinary(TypedExpr.Binary e) {
    return node(e, "Binary " + e.op(), List.of(e.left(), e.right()));
  }

  public Void visitCompare(TypedExpr.Compare e) {
    return node(e, "Compare " + e.ops(), e.operands());
  }

  public Void visitConvert(TypedExpr.Convert e) {
    return node(e, "Convert in " + e.unit(), List.of(e.value()));
  }

  public Void visitListLit(TypedExpr.ListLit e) {
    return node(e, "List", e.elements());
  }

  public Void visitComprehension(TypedExpr.Comprehension e) {
    line(e, "Comprehension " + e.var());
    return children(e.source(), e.filter(), null);
  }

  public Void visitQuantifier(TypedExpr.Quantifier e) {
    line(e, "Quantifier " + e.kind() + " " + e.var());
    return children(e.source(), e.filter(), e.body());
  }

  public Void visitAggregate(TypedExpr.Aggregate e) {
    line(e, "Aggregate " + e.kind() + " " + e.var());
    return children(e.source(), e.filter(), e.key());
  }

  public Void visitSearch(TypedExpr.Search e) {
    return line(e, "Search \"" + e.query() + "\"");
  }

  public Void visitListFor(TypedExpr.ListFor e) {
    line(e, "ListFor " + e.bindings().stream().map(TypedExpr.Binding::var).toList());
    depth++;
    bindings(e.bindings(), e.filter());
    prefix = "for ";
    e.element().accept(this);
    depth--;
    return null;
  }

  public Void visitTable(TypedExpr.Table e) {
    var t = (Type.Table) e.type();
    line(e, "Table " + t.headers() + (e.descending() ? " desc" : "") + " top " + e.limit());
    depth++;
    bindings(e.bindings(), e.filter());
    for (int i = 0; i < e.columns().size(); i++) {
      prefix = "column " + t.headers().get(i) + ": ";
      e.columns().get(i).accept(this);
    }
    for (TypedExpr k : e.key()) {
      prefix = "by ";
      k.accept(this);
    }
    depth--;
    return null;
  }

  private void bindings(List<TypedExpr.Binding> bindings, List<TypedExpr> filter) {
    for (TypedExpr.Binding b : bindings) {
      prefix = b.var() + " in ";
      b.source().accept(this);
    }
    for (TypedExpr f : filter) {
      prefix = "where ";
      f.accept(this);
    }
  }

  private Void children(TypedExpr source, List<TypedExpr> filter, TypedExpr last) {
    depth++;
    prefix = "in ";
    source.accept(this);
    for (TypedExpr f : filter) {
      prefix = "where ";
      f.accept(this);
    }
    if (last != null) {
      prefix = ": ";
      last.accept(this);
    }
    depth--;
    return null;
  }
}
