package dev.devq.lang;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes a syntax tree back as query text that parses to the same tree (spans aside), with
 * parentheses only where precedence needs them.
 *
 * <pre>{@code
 * AstPrinter.print(AstBuilder.parseExpression(src).value())   // "latency(m, a16) < 33 ms"
 * }</pre>
 *
 * Used to show a normalized query and, in tests, to check that printing then parsing gives the same
 * tree.
 */
public final class AstPrinter implements Expr.Visitor<String> {
  // Binding strength, tightest first; follows the order of the alternatives of `expr` in the
  // grammar.
  private static final int ATOM = 0;
  private static final int MEMBER = 1;
  private static final int UNARY = 2;
  private static final int MULTIPLICATIVE = 3;
  private static final int ADDITIVE = 4;
  private static final int CONVERT = 5;
  private static final int COMPARE = 6;
  private static final int NOT = 7;
  private static final int AND = 8;
  private static final int OR = 9;

  /**
   * Quantifiers and aggregates end in an open expression, so any operator after them needs
   * parentheses.
   */
  private static final int OPEN_ENDED = 10;

  /** A list whose first element starts with {@code name in} would read as a comprehension. */
  private static final Pattern LOOKS_LIKE_COMPREHENSION =
      Pattern.compile("^[A-Za-z_\u00B5\u03BC]\\w*\\s+in\\b");

  private static final AstPrinter INSTANCE = new AstPrinter();

  private AstPrinter() {}

  /** One expression as query text. */
  public static String print(Expr e) {
    return e.accept(INSTANCE);
  }

  /** Statements, one per line, each ended by {@code ;} so that no two can run together. */
  public static String print(List<Stmt> statements) {
    var out = new StringBuilder();
    for (Stmt s : statements) {
      if (s instanceof Stmt.Let let) {
        out.append("let ").append(let.name()).append(" = ").append(print(let.value()));
      } else {
        var eval = (Stmt.Eval) s;
        if (!eval.label().isEmpty()) {
          out.append("check ").append(quote(eval.label())).append(": ");
        }
        out.append(print(eval.expr()));
      }
      out.append(";\n");
    }
    return out.toString();
  }

  @Override
  public String visitQuantity(Expr.QuantityLit e) {
    // Double.toString round-trips exactly; an overflowed literal (1e999) reads back as infinity.
    String number = Double.isInfinite(e.value()) ? "1e999" : Double.toString(e.value());
    return e.unit().isEmpty() ? number : number + " " + e.unit();
  }

  @Override
  public String visitString(Expr.StringLit e) {
    return quote(e.value());
  }

  @Override
  public String visitBool(Expr.BoolLit e) {
    return Boolean.toString(e.value());
  }

  @Override
  public String visitHole(Expr.Hole e) {
    return "?";
  }

  @Override
  public String visitName(Expr.Name e) {
    return e.id();
  }

  @Override
  public String visitCall(Expr.Call e) {
    var out = new StringBuilder(e.callee()).append('(');
    for (int i = 0; i < e.args().size(); i++) {
      Expr.Arg a = e.args().get(i);
      out.append(i == 0 ? "" : ", ")
          .append(a.name().isEmpty() ? "" : a.name() + " = ")
          .append(print(a.value()));
    }
    return out.append(')').toString();
  }

  @Override
  public String visitMember(Expr.Member e) {
    return operand(e.target(), MEMBER) + "." + e.member();
  }

  @Override
  public String visitUnary(Expr.Unary e) {
    return switch (e.op()) {
      case NOT -> "not " + operand(e.operand(), NOT);
      case NEG, PLUS -> e.op().symbol + operand(e.operand(), UNARY);
    };
  }

  @Override
  public String visitBinary(Expr.Binary e) {
    int level = level(e);
    return operand(e.left(), level) + " " + e.op().symbol + " " + operand(e.right(), level - 1);
  }

  @Override
  public String visitCompare(Expr.Compare e) {
    var out = new StringBuilder(operand(e.operands().get(0), COMPARE - 1));
    for (int i = 0; i < e.ops().size(); i++) {
      out.append(' ')
          .append(e.ops().get(i).symbol)
          .append(' ')
          .append(operand(e.operands().get(i + 1), COMPARE - 1));
    }
    return out.toString();
  }

  @Override
  public String visitConvert(Expr.Convert e) {
    return operand(e.value(), CONVERT) + " in " + e.unit();
  }

  @Override
  public String visitList(Expr.ListLit e) {
    var out = new StringBuilder("[");
    for (int i = 0; i < e.elements().size(); i++) {
      String element = print(e.elements().get(i));
      if (i == 0 && LOOKS_LIKE_COMPREHENSION.matcher(element).find()) {
        element = "(" + element + ")";
      }
      out.append(i == 0 ? "" : ", ").append(element);
    }
    return out.append(']').toString();
  }

  @Override
  public String visitComprehension(Expr.Comprehension e) {
    return "[" + e.var() + " in " + operand(e.source(), OR) + where(e.filter()) + "]";
  }

  @Override
  public String visitQuantifier(Expr.Quantifier e) {
    return binding(e.kind().name(), e.var(), e.source(), e.filter()) + ": " + print(e.body());
  }

  @Override
  public String visitAggregate(Expr.Aggregate e) {
    return binding(e.kind().name(), e.var(), e.source(), e.filter()) + " by " + print(e.key());
  }

  /** {@code all x in S where P}, the head quantifiers and aggregates share. */
  private String binding(String kind, String var, Expr source, List<Expr> filter) {
    return kind.toLowerCase(java.util.Locale.ROOT)
        + " "
        + var
        + " in "
        + operand(source, OR)
        + where(filter);
  }

  @Override
  public String visitSearch(Expr.Search e) {
    return "search " + quote(e.query());
  }

  @Override
  public String visitListFor(Expr.ListFor e) {
    return "[" + print(e.element()) + " for " + bindings(e.bindings()) + where(e.filter()) + "]";
  }

  /** Every header is printed as a label, so the printed table reads back with the same headers. */
  @Override
  public String visitTable(Expr.Table e) {
    var out = new StringBuilder("table ").append(bindings(e.bindings())).append(where(e.filter()));
    out.append(": ");
    for (int i = 0; i < e.columns().size(); i++) {
      Expr.Column c = e.columns().get(i);
      out.append(i == 0 ? "" : ", ")
          .append(print(c.value()))
          .append(" as ")
          .append(quote(c.header()));
    }
    if (!e.key().isEmpty()) {
      out.append(" by ").append(print(e.key().get(0))).append(e.descending() ? " desc" : "");
    }
    if (e.limit() >= 0) {
      out.append(" top ").append(Double.toString(e.limit()));
    }
    return out.toString();
  }

  private static String bindings(List<Expr.Binding> bindings) {
    var out = new StringBuilder();
    for (Expr.Binding b : bindings) {
      out.append(out.length() == 0 ? "" : ", ").append(b.var()).append(" in ");
      out.append(operand(b.source(), OR));
    }
    return out.toString();
  }

  private static String where(List<Expr> filter) {
    return filter.isEmpty() ? "" : " where " + operand(filter.get(0), OR);
  }

  /** A child printed so that it binds at least as tightly as {@code allowed}. */
  private static String operand(Expr child, int allowed) {
    String text = print(child);
    return level(child) > allowed ? "(" + text + ")" : text;
  }

  private static int level(Expr e) {
    if (e instanceof Expr.Member) {
      return MEMBER;
    }
    if (e instanceof Expr.Unary u) {
      return u.op() == Expr.UnaryOp.NOT ? NOT : UNARY;
    }
    if (e instanceof Expr.Binary b) {
      return switch (b.op()) {
        case MUL, DIV -> MULTIPLICATIVE;
        case ADD, SUB -> ADDITIVE;
        case AND -> AND;
        case OR -> OR;
      };
    }
    if (e instanceof Expr.Convert) {
      return CONVERT;
    }
    if (e instanceof Expr.Compare) {
      return COMPARE;
    }
    if (e instanceof Expr.Quantifier || e instanceof Expr.Aggregate) {
      return OPEN_ENDED;
    }
    return ATOM;
  }

  /**
   * A string literal that reads back as the same text: the escapes the lexer knows ({@code \" \\ \n
   * \t}); a string the lexer read holds no other control character.
   */
  static String quote(String value) {
    var out = new StringBuilder("\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\\r");
        default -> out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
