package dev.devq.lang;

import dev.devq.lang.antlr.DevqParser;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.Interval;

/**
 * Two arguments of a call with no comma between them: {@code latency(mobilenet_v2 a16)}. Since
 * statements need no separator, the parser reads that as the name {@code latency} and then a
 * bracketed expression, so it expected only {@code ')'} after {@code mobilenet_v2}; with an earlier
 * comma ({@code latency(m, a16 throttled)}) it is inside the call and expects {@code ')'} or {@code
 * ','}. Either way the error is at the second argument, which could begin an expression, and says
 * that a comma may be what is missing.
 *
 * <pre>{@code
 * error[SYNTAX]: unexpected 'a16'
 *   |     ^^^ expected ',' or ')'
 *   = missing ',' between arguments?
 * }</pre>
 */
final class MissingComma {
  private MissingComma() {}

  /**
   * {@code unexpected}, the error at {@code offending}, saying that a comma may be missing before
   * it; null when a comma there would not continue a call.
   */
  static Diagnostic explain(Parser parser, Token offending, Diagnostic unexpected) {
    if (!FirstTokens.EXPRESSION.contains(offending.getType()) || !inArguments(parser)) {
      return null;
    }
    Diagnostic comma =
        unexpected.withLabel("expected ',' or ')'").withNote("missing ',' between arguments?");
    String spaced = spacedName(parser.getInputStream(), offending);
    return spaced.isEmpty()
        ? comma
        : comma.withNote(
            "or a name with spaces: write it in quotes, \""
                + spaced
                + "\", or as its id, words joined by '_'");
  }

  /**
   * {@code iPhone 15 Pro} when the parser stopped at {@code 15} after the bare word {@code iPhone}
   * on the same line: the text from that word up to what ends an argument. Empty when the word
   * before has a digit or an underscore ({@code a16 throttled}, {@code mobilenet_v2 a16}): an id of
   * its own, so a missing comma is the likelier slip.
   */
  private static String spacedName(TokenStream tokens, Token offending) {
    Token before = EarlyLineEnd.previousSignificant(tokens, offending);
    if (before == null
        || before.getType() != DevqParser.IDENT
        || before.getLine() != offending.getLine()
        || !BARE_WORD.matcher(before.getText()).matches()) {
      return "";
    }
    CharStream input = offending.getInputStream();
    String rest = input.getText(Interval.of(before.getStartIndex(), input.size() - 1));
    Matcher words = SPACED_WORDS.matcher(rest);
    return words.lookingAt() ? words.group().strip() : "";
  }

  private static final Pattern BARE_WORD = Pattern.compile("\\p{L}+");

  /** Words and numbers separated by spaces, up to the end of the argument. */
  private static final Pattern SPACED_WORDS =
      Pattern.compile("[\\p{L}\\p{N}._-]+(?:[ \\t]+[\\p{L}\\p{N}._-]+)+(?=[ \\t]*(?:[,)]|$))");

  /**
   * The word after {@code all} when an argument's value {@code all} is followed by another argument
   * with no comma ({@code latency(m, a16, units = all throttled)}): the parser reads {@code all
   * throttled} as the start of a quantifier and stumbles only where {@code in} should be. Null
   * unless the parser is in such a quantifier, inside an argument, and missed its {@code in}.
   */
  static Token afterAll(Parser parser, Token offending) {
    if (!(parser.getContext() instanceof DevqParser.QuantifierContext quantifier)
        || quantifier.kind == null
        || quantifier.kind.getType() != DevqParser.ALL
        || quantifier.var == null
        || quantifier.source != null
        || offending.getType() == DevqParser.IN
        // a word or EOF there is a quantifier missing its 'in' (all d devices: …), not a comma
        || offending.getType() == Token.EOF
        || FirstTokens.EXPRESSION.contains(offending.getType())
        || !(quantifier.getParent() instanceof DevqParser.PrimaryExprContext expr)
        || !(expr.getParent() instanceof DevqParser.ArgumentContext)) {
      return null;
    }
    return quantifier.var;
  }

  /**
   * {@code unexpected}, the error at {@code word}, saying that a comma may be missing before it.
   */
  static Diagnostic afterAll(Token word, Diagnostic unexpected) {
    return unexpected
        .withLabel("expected ',' or ')'")
        .withNote("missing ',' between arguments?")
        .withNote(
            "'all " + word.getText() + "' reads as the start of a quantifier ('all x in …: …')");
  }

  /**
   * Whether the parser stopped right after an argument: at the end of a call's argument, or of a
   * bracket that follows a function name on its line ({@code latency(mobilenet_v2}), which is a
   * call the parser did not take as one.
   */
  private static boolean inArguments(Parser parser) {
    ParserRuleContext context = parser.getContext();
    if (context instanceof DevqParser.CallContext) {
      return true;
    }
    if (!(context instanceof DevqParser.ParensContext parens)) {
      return false;
    }
    Token open = parens.getStart();
    Token name = EarlyLineEnd.previousSignificant(parser.getInputStream(), open);
    return name != null && name.getLine() == open.getLine() && isCallee(name.getType());
  }

  private static boolean isCallee(int type) {
    return type == DevqParser.IDENT
        || type == DevqParser.MIN
        || type == DevqParser.MAX
        || type == DevqParser.SEARCH;
  }
}
