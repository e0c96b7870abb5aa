package dev.devq.lang;

import dev.devq.lang.antlr.DevqBaseVisitor;
import dev.devq.lang.antlr.DevqParser;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Builds {@link Expr} records from the parse tree. A helper of {@link AstBuilder}. */
final class TreeVisitor extends DevqBaseVisitor<Expr> {
  private final SourceText source;

  TreeVisitor(SourceText source) {
    this.source = source;
  }

  List<Stmt> statements(DevqParser.QueryContext query) {
    List<Stmt> out = new ArrayList<>();
    for (DevqParser.StatementContext st : query.statement()) {
      out.add(statement(st));
    }
    return out;
  }

  private Stmt statement(DevqParser.StatementContext st) {
    if (st instanceof DevqParser.LetStatementContext let) {
      return new Stmt.Let(span(let), let.name.getText(), span(let.name), visit(let.value));
    }
    if (st instanceof DevqParser.CheckStatementContext check) {
      return new Stmt.Eval(span(check), unquote(check.label.getText()), visit(check.body));
    }
    if (st instanceof DevqParser.TableStatementContext table) {
      return new Stmt.Eval(span(table), "", table(table.tableQuery()));
    }
    var plain = (DevqParser.ExprStatementContext) st;
    return new Stmt.Eval(span(plain), "", visit(plain.expr()));
  }

  Expr.QuantityLit quantity(DevqParser.StandaloneQuantityContext ctx) {
    return literal(ctx, ctx.sign != null, ctx.NUMBER(), ctx.NUMBER_UNIT());
  }

  @Override
  public Expr visitPrimaryExpr(DevqParser.PrimaryExprContext ctx) {
    return visit(ctx.primary());
  }

  @Override
  public Expr visitQuantityLiteral(DevqParser.QuantityLiteralContext ctx) {
    return literal(ctx, false, ctx.NUMBER(), ctx.NUMBER_UNIT());
  }

  /**
   * A number with the unit the lexer gave it on its line, or none: then the unit's place is an
   * empty span right after the digits, where a missing unit is reported.
   */
  private Expr.QuantityLit literal(
      ParserRuleContext ctx, boolean negative, TerminalNode number, TerminalNode unit) {
    double value = number(number.getSymbol());
    Span unitSpan = unit == null ? Span.at(span(number.getSymbol()).end()) : span(unit.getSymbol());
    return new Expr.QuantityLit(
        span(ctx), negative ? -value : value, unit == null ? "" : unit.getText(), unitSpan);
  }

  @Override
  public Expr visitStringLiteral(DevqParser.StringLiteralContext ctx) {
    return new Expr.StringLit(span(ctx), unquote(ctx.STRING().getText()));
  }

  @Override
  public Expr visitBooleanLiteral(DevqParser.BooleanLiteralContext ctx) {
    return new Expr.BoolLit(span(ctx), ctx.value.getType() == DevqParser.TRUE);
  }

  @Override
  public Expr visitHole(DevqParser.HoleContext ctx) {
    return new Expr.Hole(span(ctx));
  }

  @Override
  public Expr visitName(DevqParser.NameContext ctx) {
    return new Expr.Name(span(ctx), ctx.name.getText());
  }

  /** {@code a/b} lexed as one token outside a quantity is a division of two names. */
  @Override
  public Expr visitRatioName(DevqParser.RatioNameContext ctx) {
    Token token = ctx.UNIT_RATIO().getSymbol();
    String text = token.getText();
    int slash = text.indexOf('/');
    int start = offset(token.getStartIndex());
    var left = new Expr.Name(new Span(start, start + slash), text.substring(0, slash));
    var right =
        new Expr.Name(
            new Span(start + slash + 1, start + text.length()), text.substring(slash + 1));
    return new Expr.Binary(
        span(ctx), new Span(start + slash, start + slash + 1), Expr.BinaryOp.DIV, left, right);
  }

  @Override
  public Expr visitCall(DevqParser.CallContext ctx) {
    List<Expr.Arg> args = new ArrayList<>();
    for (DevqParser.ArgumentContext a : ctx.argument()) {
      Expr value = visit(a.value);
      if (a.name == null) {
        args.add(new Expr.Arg(span(a), "", value.span(), value));
      } else {
        args.add(new Expr.Arg(span(a), a.name.getText(), span(a.name), value));
      }
    }
    return new Expr.Call(span(ctx), ctx.callee().getText(), span(ctx.callee()), args);
  }

  @Override
  public Expr visitSearchExpr(DevqParser.SearchExprContext ctx) {
    return new Expr.Search(span(ctx), unquote(ctx.text.getText()));
  }

  @Override
  public Expr visitParens(DevqParser.ParensContext ctx) {
    return visit(ctx.inner);
  }

  @Override
  public Expr visitListLiteral(DevqParser.ListLiteralContext ctx) {
    if (ctx.FOR() != null) {
      return new Expr.ListFor(
          span(ctx), visit(ctx.items.get(0)), bindings(ctx.binding()), optional(ctx.filter));
    }
    return new Expr.ListLit(span(ctx), ctx.items.stream().map(this::visit).toList());
  }

  @Override
  public Expr visitComprehension(DevqParser.ComprehensionContext ctx) {
    return new Expr.Comprehension(
        span(ctx), ctx.var.getText(), span(ctx.var), visit(ctx.source), optional(ctx.filter));
  }

  private Expr.Table table(DevqParser.TableQueryContext ctx) {
    List<Expr.Column> columns = new ArrayList<>();
    for (DevqParser.ColumnContext c : ctx.column()) {
      // the header defaults to the column's own text, on one line
      String header =
          c.label == null
              ? source.slice(span(c.value)).replaceAll("\\s+", " ").strip()
              : unquote(c.label.getText());
      columns.add(new Expr.Column(span(c), visit(c.value), header));
    }
    Span end = Span.at(span(ctx).end());
    return new Expr.Table(
        span(ctx),
        bindings(ctx.binding()),
        optional(ctx.filter),
        columns,
        optional(ctx.key),
        ctx.order != null,
        ctx.limit == null ? -1 : number(ctx.limit),
        ctx.limit == null ? end : span(ctx.limit));
  }

  private List<Expr.Binding> bindings(List<DevqParser.BindingContext> ctxs) {
    return ctxs.stream()
        .map(b -> new Expr.Binding(span(b), b.var.getText(), span(b.var), visit(b.source)))
        .toList();
  }

  @Override
  public Expr visitQuantifier(DevqParser.QuantifierContext ctx) {
    var kind =
        ctx.kind.getType() == DevqParser.ALL ? Expr.QuantifierKind.ALL : Expr.QuantifierKind.ANY;
    return new Expr.Quantifier(
        span(ctx),
        kind,
        ctx.var.getText(),
        span(ctx.var),
        visit(ctx.source),
        optional(ctx.filter),
        visit(ctx.body));
  }

  @Override
  public Expr visitAggregate(DevqParser.AggregateContext ctx) {
    var kind =
        switch (ctx.kind.getType()) {
          case DevqParser.MIN -> Expr.AggregateKind.MIN;
          case DevqParser.MAX -> Expr.AggregateKind.MAX;
          case DevqParser.ARGMIN -> Expr.AggregateKind.ARGMIN;
          default -> Expr.AggregateKind.ARGMAX;
        };
    return new Expr.Aggregate(
        span(ctx),
        kind,
        ctx.var.getText(),
        span(ctx.var),
        visit(ctx.source),
        optional(ctx.filter),
        visit(ctx.key));
  }

  @Override
  public Expr visitMember(DevqParser.MemberContext ctx) {
    return new Expr.Member(span(ctx), visit(ctx.target), ctx.member.getText(), span(ctx.member));
  }

  @Override
  public Expr visitUnary(DevqParser.UnaryContext ctx) {
    var op = "-".equals(ctx.op.getText()) ? Expr.UnaryOp.NEG : Expr.UnaryOp.PLUS;
    return new Expr.Unary(span(ctx), op, visit(ctx.operand));
  }

  @Override
  public Expr visitNot(DevqParser.NotContext ctx) {
    return new Expr.Unary(span(ctx), Expr.UnaryOp.NOT, visit(ctx.operand));
  }

  @Override
  public Expr visitMultiplicative(DevqParser.MultiplicativeContext ctx) {
    var op = "*".equals(ctx.op.getText()) ? Expr.BinaryOp.MUL : Expr.BinaryOp.DIV;
    return binary(ctx, ctx.op, op, ctx.left, ctx.right);
  }

  @Override
  public Expr visitAdditive(DevqParser.AdditiveContext ctx) {
    var op = "+".equals(ctx.op.getText()) ? Expr.BinaryOp.ADD : Expr.BinaryOp.SUB;
    return binary(ctx, ctx.op, op, ctx.left, ctx.right);
  }

  @Override
  public Expr visitAnd(DevqParser.AndContext ctx) {
    return binary(ctx, ctx.AND().getSymbol(), Expr.BinaryOp.AND, ctx.left, ctx.right);
  }

  @Override
  public Expr visitOr(DevqParser.OrContext ctx) {
    return binary(ctx, ctx.OR().getSymbol(), Expr.BinaryOp.OR, ctx.left, ctx.right);
  }

  @Override
  public Expr visitConvert(DevqParser.ConvertContext ctx) {
    return new Expr.Convert(span(ctx), visit(ctx.value), ctx.unit().getText(), span(ctx.unit()));
  }

  /**
   * Comparisons parse left-associatively; an unparenthesized comparison on the left continues the
   * chain, so {@code a < b < c} means {@code a < b and b < c}.
   */
  @Override
  public Expr visitComparison(DevqParser.ComparisonContext ctx) {
    List<Expr> operands = new ArrayList<>();
    List<Expr.CompareOp> ops = new ArrayList<>();
    List<Span> opSpans = new ArrayList<>();
    if (ctx.left instanceof DevqParser.ComparisonContext) {
      var inner = (Expr.Compare) visit(ctx.left);
      operands.addAll(inner.operands());
      ops.addAll(inner.ops());
      opSpans.addAll(inner.opSpans());
    } else {
      operands.add(visit(ctx.left));
    }
    ops.add(compareOp(ctx.op.getText()));
    opSpans.add(span(ctx.op));
    operands.add(visit(ctx.right));
    return new Expr.Compare(span(ctx), operands, ops, opSpans);
  }

  private static Expr.CompareOp compareOp(String text) {
    return switch (text) {
      case "<" -> Expr.CompareOp.LT;
      case "<=" -> Expr.CompareOp.LE;
      case ">" -> Expr.CompareOp.GT;
      case ">=" -> Expr.CompareOp.GE;
      case "==" -> Expr.CompareOp.EQ;
      default -> Expr.CompareOp.NE;
    };
  }

  private Expr binary(
      ParserRuleContext ctx,
      Token opToken,
      Expr.BinaryOp op,
      DevqParser.ExprContext left,
      DevqParser.ExprContext right) {
    return new Expr.Binary(span(ctx), span(opToken), op, visit(left), visit(right));
  }

  private List<Expr> optional(DevqParser.ExprContext ctx) {
    return ctx == null ? List.of() : List.of(visit(ctx));
  }

  private static double number(Token token) {
    return Double.parseDouble(token.getText().replace("_", ""));
  }

  private static String unquote(String quoted) {
    String body = quoted.substring(1, quoted.length() - 1);
    var out = new StringBuilder(body.length());
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\\' && i + 1 < body.length()) {
        char next = body.charAt(++i);
        out.append(
            switch (next) {
              case 'n' -> '\n';
              case 't' -> '\t';
              default -> next;
            });
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private Span span(ParserRuleContext ctx) {
    int start = offset(ctx.getStart().getStartIndex());
    return new Span(start, Math.max(start, lastOffset(ctx)));
  }

  private int lastOffset(ParserRuleContext ctx) {
    Token stop = ctx.getStop();
    int start = ctx.getStart().getStartIndex();
    if (stop == null || stop.getType() == Token.EOF || stop.getStopIndex() < start) {
      return offset(
          stop != null && stop.getType() == Token.EOF
              ? Math.max(start, stop.getStartIndex())
              : start);
    }
    return offset(stop.getStopIndex() + 1);
  }

  private Span span(Token token) {
    return new Span(offset(token.getStartIndex()), offset(token.getStopIndex() + 1));
  }

  /** ANTLR positions count code points; spans count UTF-16 units. */
  private int offset(int codePointIndex) {
    return source.offsetOfCodePoint(codePointIndex);
  }
}
