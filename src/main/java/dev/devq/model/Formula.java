package dev.devq.model;

import dev.devq.lang.AstBuilder;
import dev.devq.lang.Expr;
import dev.devq.lang.ParseResult;
import dev.devq.lang.SourceText;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Evaluates the small formulas of model files ({@code "make_divisible(32 * width, 8)"}, {@code
 * "if(phase == prefill, context, tokens)"}) with the query language's own parser.
 *
 * <p>Values are numbers ({@link Double}) or symbols ({@link String}, e.g. {@code prefill}): a name
 * that is not in scope stands for itself, so enumerated parameters need no quoting.
 */
final class Formula {
  private static final int CACHE_LIMIT = 20_000;
  private static final Map<String, Object> CACHE = new ConcurrentHashMap<>();

  private Formula() {}

  /** Thrown with a message; the builder attaches the YAML position. */
  static final class FormulaError extends RuntimeException {
    FormulaError(String message) {
      super(message, null, false, false);
    }
  }

  /** Evaluates a YAML scalar: a number, or a formula over the scope. */
  static Object eval(String text, Map<String, Object> scope) {
    Object compiled = compile(text);
    return compiled instanceof Expr e ? eval(e, scope) : compiled;
  }

  /**
   * A scalar parsed once: a {@link Double} constant or an {@link Expr}. Every build of a model
   * (each query with other parameters, each repeat and block call) evaluates the same few hundred
   * texts, and parsing them with the query parser dominated shape inference, so parses are kept.
   * The texts come from profile files, a bounded set; past {@link #CACHE_LIMIT} texts (only a
   * hostile profile gets there) parses are no longer kept.
   */
  static Object compile(String text) {
    Object cached = CACHE.get(text);
    if (cached != null) {
      return cached;
    }
    Object compiled = parse(text.trim());
    if (CACHE.size() < CACHE_LIMIT) {
      CACHE.put(text, compiled);
    }
    return compiled;
  }

  private static Object parse(String trimmed) {
    if (looksNumeric(trimmed)) {
      try {
        return Double.parseDouble(trimmed);
      } catch (NumberFormatException notANumber) {
        // a formula such as 1e3 * width falls through to the parser
      }
    }
    ParseResult<Expr> parsed = AstBuilder.parseExpression(new SourceText("formula", trimmed));
    if (!parsed.ok()) {
      throw new FormulaError(
          "cannot read formula '" + trimmed + "': " + parsed.diagnostics().get(0).message());
    }
    return parsed.value();
  }

  /** Avoids an exception per formula: only texts made of number characters can be numbers. */
  private static boolean looksNumeric(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
        return false;
      }
    }
    return true;
  }

  static double number(String text, Map<String, Object> scope, String what) {
    Object v = eval(text, scope);
    if (v instanceof Double d) {
      return d;
    }
    throw new FormulaError("'" + what + "' must be a number, found '" + v + "'");
  }

  private static Object eval(Expr e, Map<String, Object> scope) {
    if (e instanceof Expr.QuantityLit q) {
      return switch (q.unit()) {
        case "" -> q.value();
        case "%" -> q.value() / 100;
        case "k" -> q.value() * 1e3;
        case "M" -> q.value() * 1e6;
        case "G" -> q.value() * 1e9;
        default ->
            throw new FormulaError("units are not allowed in model formulas ('" + q.unit() + "')");
      };
    }
    if (e instanceof Expr.Name n) {
      return scope.getOrDefault(n.id(), n.id());
    }
    if (e instanceof Expr.BoolLit b) {
      return b.value() ? 1.0 : 0.0;
    }
    if (e instanceof Expr.StringLit s) {
      return s.value();
    }
    if (e instanceof Expr.Unary u) {
      double v = num(eval(u.operand(), scope));
      return switch (u.op()) {
        case NEG -> -v;
        case PLUS -> v;
        case NOT -> v == 0 ? 1.0 : 0.0;
      };
    }
    if (e instanceof Expr.Binary b) {
      return binary(b, scope);
    }
    if (e instanceof Expr.Compare c) {
      return compare(c, scope);
    }
    if (e instanceof Expr.Call c) {
      return call(c, scope);
    }
    throw new FormulaError("this kind of expression is not allowed in model formulas");
  }

  private static Object binary(Expr.Binary b, Map<String, Object> scope) {
    double l = num(eval(b.left(), scope));
    double r = num(eval(b.right(), scope));
    return switch (b.op()) {
      case ADD -> l + r;
      case SUB -> l - r;
      case MUL -> l * r;
      case DIV -> {
        if (r == 0) {
          throw new FormulaError("division by zero");
        }
        yield l / r;
      }
      case AND -> (l != 0 && r != 0) ? 1.0 : 0.0;
      case OR -> (l != 0 || r != 0) ? 1.0 : 0.0;
    };
  }

  private static Object compare(Expr.Compare c, Map<String, Object> scope) {
    for (int i = 0; i < c.ops().size(); i++) {
      Object l = eval(c.operands().get(i), scope);
      Object r = eval(c.operands().get(i + 1), scope);
      boolean holds;
      if (l instanceof Double a && r instanceof Double b) {
        holds =
            switch (c.ops().get(i)) {
              case LT -> a < b;
              case LE -> a <= b;
              case GT -> a > b;
              case GE -> a >= b;
              case EQ -> a.doubleValue() == b.doubleValue();
              case NE -> a.doubleValue() != b.doubleValue();
            };
      } else {
        holds =
            switch (c.ops().get(i)) {
              case EQ -> l.equals(r);
              case NE -> !l.equals(r);
              default -> throw new FormulaError("cannot order '" + l + "' and '" + r + "'");
            };
      }
      if (!holds) {
        return 0.0;
      }
    }
    return 1.0;
  }

  private static Object call(Expr.Call c, Map<String, Object> scope) {
    List<Expr.Arg> args = c.args();
    String fn = c.callee().toLowerCase(Locale.ROOT);
    if (fn.equals("if")) {
      arity(c, 3);
      return num(eval(args.get(0).value(), scope)) != 0
          ? eval(args.get(1).value(), scope)
          : eval(args.get(2).value(), scope);
    }
    double[] v = args.stream().mapToDouble(a -> num(eval(a.value(), scope))).toArray();
    return switch (fn) {
      case "make_divisible" -> {
        arity(c, 2);
        yield makeDivisible(v[0], v[1]);
      }
      case "round" -> {
        arity(c, 1);
        yield (double) Math.round(v[0]);
      }
      case "floor" -> {
        arity(c, 1);
        yield Math.floor(v[0]);
      }
      case "ceil" -> {
        arity(c, 1);
        yield Math.ceil(v[0]);
      }
      case "min" ->
          java.util.Arrays.stream(v)
              .min()
              .orElseThrow(() -> new FormulaError("min needs arguments"));
      case "max" ->
          java.util.Arrays.stream(v)
              .max()
              .orElseThrow(() -> new FormulaError("max needs arguments"));
      default ->
          throw new FormulaError(
              "unknown function '"
                  + c.callee()
                  + "' (model formulas know if, make_divisible, round, floor, ceil, min, max)");
    };
  }

  /**
   * The channel rounding of the MobileNet family: the nearest multiple of {@code divisor}, never
   * below it and never more than 10% under the unrounded value.
   */
  static double makeDivisible(double value, double divisor) {
    double rounded =
        Math.max(
            divisor, Math.floor(value + divisor / 2) - Math.floor(value + divisor / 2) % divisor);
    if (rounded < 0.9 * value) {
      rounded += divisor;
    }
    return rounded;
  }

  private static void arity(Expr.Call c, int n) {
    if (c.args().size() != n) {
      throw new FormulaError(c.callee() + " takes " + n + " arguments, found " + c.args().size());
    }
  }

  private static double num(Object v) {
    if (v instanceof Double d) {
      return d;
    }
    throw new FormulaError("expected a number, found '" + v + "'");
  }
}
