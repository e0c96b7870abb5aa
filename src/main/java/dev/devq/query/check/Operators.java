package dev.devq.query.check;

import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.Expr;
import dev.devq.lang.Span;
import dev.devq.lang.unit.Dimension;
import dev.devq.lang.unit.Dimensions;
import dev.devq.lang.unit.UnitRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Type rules of arithmetic, logic and comparison, with the dimension messages users see. */
final class Operators {
  private Operators() {}

  static TypedExpr binary(Checker c, Expr.Binary e, TypedExpr left, TypedExpr right) {
    Type lt = left.type();
    Type rt = right.type();
    switch (e.op()) {
      case AND, OR -> {
        c.expectBool(left, "'" + e.op().symbol + "'");
        c.expectBool(right, "'" + e.op().symbol + "'");
        return new TypedExpr.Binary(e.span(), Type.BOOL, e.opSpan(), e.op(), left, right);
      }
      default -> {
        // arithmetic below
      }
    }
    if (lt instanceof Type.Any || rt instanceof Type.Any) {
      return new TypedExpr.Binary(e.span(), Type.ANY, e.opSpan(), e.op(), left, right);
    }
    if (!(lt instanceof Type.Quantity lq) || !(rt instanceof Type.Quantity rq)) {
      TypedExpr bad = lt instanceof Type.Quantity ? right : left;
      c.error(
          DiagnosticCode.TYPE_MISMATCH,
          "'" + e.op().symbol + "' needs quantities, found " + bad.type().describe(),
          bad.span(),
          bad.type().describe(),
          "");
      return new TypedExpr.Binary(e.span(), Type.ANY, e.opSpan(), e.op(), left, right);
    }
    Dimension l = lq.dimension();
    Dimension r = rq.dimension();
    return switch (e.op()) {
      case MUL ->
          new TypedExpr.Binary(
              e.span(), CountAlgebra.product(c, left, right), e.opSpan(), e.op(), left, right);
      case DIV ->
          new TypedExpr.Binary(
              e.span(), CountAlgebra.quotient(c, left, right), e.opSpan(), e.op(), left, right);
      default -> {
        if (!l.equals(r)) {
          mismatch(
              c,
              e.op() == Expr.BinaryOp.ADD ? "add" : "subtract",
              l,
              r,
              e.opSpan(),
              e.op() == Expr.BinaryOp.ADD ? "and" : "from");
          yield new TypedExpr.Binary(e.span(), Type.ANY, e.opSpan(), e.op(), left, right);
        }
        if (lq.clashes(rq)) {
          ratesClash(c, e.op() == Expr.BinaryOp.ADD ? "added to" : "subtracted from", left, right);
          yield new TypedExpr.Binary(e.span(), Type.ANY, e.opSpan(), e.op(), left, right);
        }
        // an unmarked rate takes the kind of the other side: 1 / latency(…) + 5 tok/s counts tokens
        yield new TypedExpr.Binary(
            e.span(), lq.rate() == Type.Rate.UNMARKED ? rt : lt, e.opSpan(), e.op(), left, right);
      }
    };
  }

  static void comparable(
      Checker c, TypedExpr left, TypedExpr right, Expr.CompareOp op, Span opSpan) {
    Type lt = left.type();
    Type rt = right.type();
    if (lt instanceof Type.Any || rt instanceof Type.Any) {
      return;
    }
    if (lt instanceof Type.Quantity lq && rt instanceof Type.Quantity rq) {
      if (!lq.dimension().equals(rq.dimension())) {
        mismatch(c, "compare", lq.dimension(), rq.dimension(), opSpan, "with");
      } else if (lq.clashes(rq)) {
        ratesClash(c, "compared with", left, right);
      }
      return;
    }
    boolean equality = op == Expr.CompareOp.EQ || op == Expr.CompareOp.NE;
    if (equality && sameKind(lt, rt)) {
      return;
    }
    c.error(
        DiagnosticCode.TYPE_MISMATCH,
        "cannot compare " + lt.describe() + " with " + rt.describe(),
        opSpan,
        lt.describe() + " " + op.symbol + " " + rt.describe(),
        equality ? "" : "'" + op.symbol + "' orders quantities only");
  }

  /**
   * Refuses a rate written against one that counts something else: a frame rate against a token
   * rate ({@link #framesAgainstTokens}), or either against a clock. Decided here, before
   * evaluation, so a model that cannot run gives the same error.
   */
  private static void ratesClash(Checker c, String verb, TypedExpr left, TypedExpr right) {
    Type.Quantity leftCount = (Type.Quantity) left.type();
    if (leftCount.dimension().isNone()) {
      // counts of two kinds: 128 tok against the cycles of a prediction
      c.error(
          DiagnosticCode.DIMENSION_MISMATCH,
          leftCount.what() + " " + verb + " " + ((Type.Quantity) right.type()).what(),
          right.span(),
          ((Type.Quantity) right.type()).what(),
          "the sides count different things; a count of tokens is written in tok");
      return;
    }
    boolean clockLeft = rate(left) == Type.Rate.CYCLES;
    if (!clockLeft && rate(right) != Type.Rate.CYCLES) {
      framesAgainstTokens(c, verb, left, right);
      return;
    }
    TypedExpr clock = clockLeft ? left : right;
    TypedExpr other = clockLeft ? right : left;
    Type.Rate counted = rate(other);
    if (other instanceof TypedExpr.QuantityConst) {
      // the number written beside a clock is the side to fix: its unit is the user's choice
      c.error(
          DiagnosticCode.DIMENSION_MISMATCH,
          "a clock " + verb + " " + counted.what + " (" + writtenUnit(c, other) + ")",
          other.span(),
          counted.what,
          "a clock counts a core's cycles per second: write it in MHz or GHz, e.g. 3 GHz");
    } else if (clock instanceof TypedExpr.QuantityConst) {
      c.error(
          DiagnosticCode.DIMENSION_MISMATCH,
          counted.what + " " + verb + " a clock (" + writtenUnit(c, clock) + ")",
          clock.span(),
          "a clock",
          "a rate written in MHz or GHz is a clock: "
              + (counted == Type.Rate.TOKENS
                  ? "write a token rate in tok/s, e.g. 20 tok/s"
                  : "write a frame rate in fps or Hz, e.g. 30 fps"));
    } else {
      c.error(
          DiagnosticCode.DIMENSION_MISMATCH,
          "a clock " + verb + " " + counted.what,
          clock.span(),
          "a clock",
          "a clock counts a core's cycles per second, "
              + (counted == Type.Rate.TOKENS ? "decode_rate(…) tokens" : "fps(…) predictions")
              + " per second");
    }
  }

  /**
   * Refuses items ordered or compared as one kind that count different things: {@code max(30 fps,
   * 20 tok/s)}, {@code [30 fps, 20 tok/s]}, whose items a quantifier or an aggregate would compare
   * with each other and with what its body compares them to. Reported once, at the first item that
   * counts something else than one before it. True when none does.
   */
  static boolean countOneThing(Checker c, List<TypedExpr> items) {
    // the first item of each type, in order: a later item clashes with the first of a type as soon
    // as with any of it, so it is weighed against a few types, not every item before it (a list of
    // 100,000 items took minutes)
    Map<Type.Quantity, TypedExpr> firstOfType = new LinkedHashMap<>();
    for (TypedExpr item : items) {
      if (!(item.type() instanceof Type.Quantity later)) {
        continue;
      }
      for (var earlier : firstOfType.entrySet()) {
        if (earlier.getKey().dimension().equals(later.dimension())
            && earlier.getKey().clashes(later)) {
          ratesClash(c, "compared with", earlier.getValue(), item);
          return false;
        }
      }
      firstOfType.putIfAbsent(later, item);
    }
    return true;
  }

  private static Type.Rate rate(TypedExpr e) {
    return ((Type.Quantity) e.type()).rate();
  }

  /** The unit a rate is written in, as the user wrote it: {@code GHz} of {@code 3.2 GHz}. */
  private static String writtenUnit(Checker c, TypedExpr literal) {
    String text = c.source().slice(literal.span()).strip();
    int at = text.length();
    while (at > 0 && (Character.isLetter(text.charAt(at - 1)) || text.charAt(at - 1) == '/')) {
      at--;
    }
    return text.substring(at);
  }

  /**
   * Refuses a frame rate written against a token rate ({@code decode_rate(…) > 20 fps}, {@code
   * fps(…) > 15 tok/s}): their dimension is one (a count per second), so the check would pass or
   * fail on a misreading. A written rate is the side to fix, since its unit is the user's choice;
   * else the frame rate is marked. Decided here, before evaluation, so a model that cannot run
   * gives the same error.
   */
  private static void framesAgainstTokens(Checker c, String verb, TypedExpr left, TypedExpr right) {
    TypedExpr tokens = ((Type.Quantity) left.type()).perToken() ? left : right;
    TypedExpr frames = tokens == left ? right : left;
    if (frames instanceof TypedExpr.QuantityConst) {
      String text = c.source().slice(frames.span()).strip();
      c.error(
          DiagnosticCode.DIMENSION_MISMATCH,
          "a token rate " + verb + " a frame rate (" + (text.endsWith("fps") ? "fps" : "Hz") + ")",
          frames.span(),
          "a frame rate",
          "write the rate in tokens per second, e.g. 20 tok/s");
    } else if (tokens instanceof TypedExpr.QuantityConst) {
      c.error(
          DiagnosticCode.DIMENSION_MISMATCH,
          "a frame rate " + verb + " a token rate (tok/s)",
          tokens.span(),
          "a token rate",
          "fps(…) counts predictions per second: write the rate in fps, e.g. 15 fps, or ask"
              + " decode_rate(…) for tokens per second");
    } else {
      c.error(
          DiagnosticCode.DIMENSION_MISMATCH,
          "a token rate " + verb + " a frame rate",
          frames.span(),
          "a frame rate",
          "decode_rate(…) counts tokens per second and fps(…) predictions per second");
    }
  }

  private static void mismatch(
      Checker c, String verb, Dimension l, Dimension r, Span at, String joiner) {
    UnitRegistry u = UnitRegistry.standard();
    String message =
        verb.equals("subtract")
            ? "cannot subtract " + u.describe(r) + " from " + u.describe(l)
            : "cannot " + verb + " " + u.describe(l) + " " + joiner + " " + u.describe(r);
    c.error(
        DiagnosticCode.DIMENSION_MISMATCH,
        message,
        at,
        "left is " + u.name(l) + ", right is " + u.name(r),
        verb.equals("compare") && timeAgainstRate(l, r)
            ? "hint: a rate is not a time: compare a time with frame(rate), e.g. latency(m, d) <"
                + " frame(30 fps), or invert one side (1 / x)"
            : DimensionHints.hint(l, r));
  }

  /** {@code latency(m, d) < 30 fps}: a time against a frame rate, either way round. */
  private static boolean timeAgainstRate(Dimension l, Dimension r) {
    Dimension time = Dimensions.TIME;
    Dimension rate = time.pow(-1);
    return l.equals(time) && r.equals(rate) || l.equals(rate) && r.equals(time);
  }

  static boolean sameKind(Type a, Type b) {
    if (a instanceof Type.Quantity qa && b instanceof Type.Quantity qb) {
      return qa.dimension().equals(qb.dimension());
    }
    return a.equals(b) || a instanceof Type.Any || b instanceof Type.Any;
  }
}
