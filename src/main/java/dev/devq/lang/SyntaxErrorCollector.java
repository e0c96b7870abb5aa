package dev.devq.lang;

import dev.devq.lang.antlr.DevqLexer;
import dev.devq.lang.antlr.DevqParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/**
 * Turns ANTLR's syntax errors into devq diagnostics with readable "expected" lists. It keeps the
 * first {@value #MAX_ERRORS} and only counts the rest, so a pasted binary file cannot flood the
 * terminal: the last kept error says how many more there are. A helper of {@link AstBuilder}.
 */
final class SyntaxErrorCollector extends BaseErrorListener {
  static final int MAX_ERRORS = 20;

  /** Other languages' words for the two quantifiers (Lean, SQL, Python, logic). */
  private static final Map<String, String> QUANTIFIER_WORDS =
      Map.of(
          "forall", "all", "for_all", "all", "every", "all", "each", "all", "exists", "any",
          "exist", "any", "some", "any");

  private final SourceText source;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private int notKept;

  SyntaxErrorCollector(SourceText source) {
    this.source = source;
  }

  /** The errors kept, the last one noting how many more were found. */
  List<Diagnostic> diagnostics() {
    if (notKept == 0) {
      return List.copyOf(diagnostics);
    }
    List<Diagnostic> out = new ArrayList<>(diagnostics);
    Diagnostic last = out.remove(out.size() - 1);
    out.add(
        last.withNote(
            "… and " + notKept + " more syntax error" + (notKept == 1 ? "" : "s") + " after it"));
    return out;
  }

  void clear() {
    diagnostics.clear();
    notKept = 0;
  }

  @Override
  public void syntaxError(
      Recognizer<?, ?> recognizer,
      Object offendingSymbol,
      int line,
      int charPositionInLine,
      String msg,
      RecognitionException e) {
    if (diagnostics.size() >= MAX_ERRORS) {
      notKept++;
      return;
    }
    Diagnostic d;
    if (offendingSymbol instanceof Token token) {
      d = parserError(recognizer, token);
    } else {
      // Lexer errors carry no token; our lexer has a catch-all rule, so this is rare.
      int offset = offsetOf(line, charPositionInLine);
      d =
          Diagnostic.error(
              DiagnosticCode.SYNTAX,
              "unexpected character",
              source,
              new Span(offset, Math.min(source.text().length(), offset + charAt(offset))));
    }
    // error recovery skips to the next statement, so each error here is a mistake of its own
    diagnostics.add(d);
  }

  private Span spanOf(Token token) {
    return token.getType() == Token.EOF
        ? Span.at(endOfContent())
        : new Span(
            source.offsetOfCodePoint(token.getStartIndex()),
            source.offsetOfCodePoint(token.getStopIndex() + 1));
  }

  private Diagnostic parserError(Recognizer<?, ?> recognizer, Token token) {
    Span span = spanOf(token);
    Diagnostic habit = OperatorHabits.at(source, span.start());
    if (habit == null) {
      habit = DutyCycleFor.at(source, span);
    }
    if (habit != null) {
      return habit;
    }
    if (token.getType() == DevqLexer.UNEXPECTED) {
      // What the parser expected is beside the point: the character itself is the mistake.
      if ("\"".equals(token.getText())) {
        int bad = notAString(span.start());
        if (bad >= 0 && source.text().charAt(bad) != '\\') {
          return Diagnostic.error(
                  DiagnosticCode.SYNTAX,
                  "control character "
                      + CharacterNames.describe(source.text().codePointAt(bad))
                      + " in a string",
                  source,
                  new Span(bad, bad + 1))
              .withLabel("not text")
              .withNote(
                  "write \\n for a line break and \\t for a tab; no other control character"
                      + " can be in a string");
        }
        if (bad >= 0) {
          // "\u0000" read as "u0000" before: an escape devq does not know is refused, not dropped
          int end = bad + 1 + Character.charCount(source.text().codePointAt(bad + 1));
          return Diagnostic.error(
                  DiagnosticCode.SYNTAX,
                  "unknown escape '" + source.text().substring(bad, end) + "' in a string",
                  source,
                  new Span(bad, end))
              .withLabel("not an escape")
              .withNote("a string knows \\\" \\\\ \\n and \\t; write \\\\ for a backslash");
        }
        return Diagnostic.error(DiagnosticCode.SYNTAX, "unterminated string", source, span)
            .withLabel("this string is never closed")
            .withNote("close it with '\"' on the same line");
      }
      String message =
          "unexpected character " + CharacterNames.describe(token.getText().codePointAt(0));
      CompatibilityForms.PlainWord plain =
          CompatibilityForms.plainWordAt(source.text(), span.start());
      if (plain != null) {
        // ３３ms typed with a Japanese or Chinese input method: the same word in ASCII
        return Diagnostic.error(
                DiagnosticCode.SYNTAX, message, source, new Span(plain.start(), plain.end()))
            .withLabel("a full-width or non-ASCII form")
            .withNote(Suggestions.meant(plain.plain()));
      }
      return Diagnostic.error(DiagnosticCode.SYNTAX, message, source, span)
          .withLabel("not part of the query language");
    }
    if (token.getType() == DevqLexer.HEX_NUMBER) {
      return hexadecimal(token.getText(), span);
    }
    if (token.getType() == DevqLexer.MISPLACED_SEPARATOR) {
      return misplacedSeparator(token.getText(), span);
    }
    if (recognizer instanceof Parser parser) {
      Diagnostic early = EarlyLineEnd.diagnose(parser, token, source);
      if (early != null) {
        return early;
      }
    }
    if (recognizer instanceof Parser parser
        && ExpectedTokens.onlyName(parser)
        && Tokens.keywords().contains(token.getText())) {
      // 'let let = 5' said "expected <expression>": a keyword is a name to the eye, not to devq
      Diagnostic keyword =
          Diagnostic.error(
                  DiagnosticCode.SYNTAX,
                  "'" + token.getText() + "' is a keyword and cannot be a name",
                  source,
                  span)
              .withLabel("expected " + ExpectedTokens.NAME);
      // a member's name after '.' is the profile's to choose, a binding's the user's
      Token before = parser.getInputStream().LT(-1);
      return before != null && ".".equals(before.getText())
          ? keyword
          : keyword.withNote("choose another name, e.g. '" + token.getText() + "_'");
    }
    Diagnostic quantifier = misnamedQuantifier(span.start());
    if (quantifier != null) {
      return quantifier;
    }
    if (recognizer instanceof Parser parser) {
      Token word = MissingComma.afterAll(parser, token);
      if (word != null) {
        return MissingComma.afterAll(
            word,
            Diagnostic.error(
                DiagnosticCode.SYNTAX, "unexpected " + describe(word), source, spanOf(word)));
      }
    }
    Diagnostic d =
        Diagnostic.error(DiagnosticCode.SYNTAX, "unexpected " + describe(token), source, span);
    if (!(recognizer instanceof Parser parser)) {
      return d;
    }
    Diagnostic comma = MissingComma.explain(parser, token, d);
    if (comma != null) {
      return comma;
    }
    String expected = expected(parser, token);
    return expected.isEmpty() ? d : d.withLabel("expected " + expected);
  }

  /**
   * Between two statements the parser's list would name every token that can begin a statement;
   * what the text lacks is an operator that continues the statement before or a statement break.
   */
  private static String expected(Parser parser, Token token) {
    if (!(parser.getContext() instanceof DevqParser.QueryContext)) {
      return ExpectedTokens.describe(parser);
    }
    return EarlyLineEnd.startsLine(parser.getInputStream(), token)
        ? "a statement"
        : ExpectedTokens.STATEMENT_BREAK;
  }

  /** {@code 0x10}: the language has decimal numbers only, so the error gives the decimal one. */
  private Diagnostic hexadecimal(String text, Span span) {
    String digits = text.substring(2).replace("_", "");
    Diagnostic d =
        Diagnostic.error(
                DiagnosticCode.SYNTAX, "hexadecimal numbers are not supported", source, span)
            .withLabel("a hexadecimal number");
    // past 15 digits the decimal is longer than anyone would copy from a message
    return digits.isEmpty() || digits.length() > 15
        ? d.withNote("write it in decimal")
        : d.withNote("write it in decimal: " + Long.parseLong(digits, 16));
  }

  /**
   * {@code 1__0}, {@code 1_}, {@code _1}: a '_' groups digits only between two of them, so the
   * error gives the number without separators rather than guess which grouping was meant.
   */
  private Diagnostic misplacedSeparator(String text, Span span) {
    String digits = text.replace("_", "");
    Diagnostic d =
        Diagnostic.error(
                DiagnosticCode.SYNTAX, "misplaced digit separator in '" + text + "'", source, span)
            .withLabel("'_' must stand between two digits");
    // a fraction or an exponent left without digits ('1._', '1e_') has no number to offer
    return digits.matches("[0-9]*\\.?[0-9]+([eE][+-]?[0-9]+)?") ? d.withNote("write " + digits) : d;
  }

  /**
   * {@code forall d in devices: …} or {@code exists …}: a quantifier written with another
   * language's word (or misspelt) reads as two names before {@code in}, which the grammar never
   * allows, so the parser only stumbles later, at the {@code :}. Reported at the word, with the
   * quantifier meant; null when the line before the error has no such pair.
   */
  private Diagnostic misnamedQuantifier(int errorOffset) {
    int lineStart = source.lineStart(errorOffset);
    List<Tokens.Token> tokens = Tokens.significant(source.text().substring(lineStart, errorOffset));
    for (int i = tokens.size() - 3; i >= 0; i--) {
      Tokens.Token word = tokens.get(i);
      if (word.kind() == Tokens.Kind.NAME
          && tokens.get(i + 1).kind() == Tokens.Kind.NAME
          && "in".equals(tokens.get(i + 2).text())) {
        String lower = word.text().toLowerCase(Locale.ROOT);
        String meant = QUANTIFIER_WORDS.getOrDefault(lower, "");
        for (String quantifier : List.of("all", "any")) {
          // one edit from a three-letter word: 'al', 'alll', 'ayn' (too short for closest())
          if (meant.isEmpty() && Suggestions.distance(lower, quantifier) <= 1) {
            meant = quantifier;
          }
        }
        var at = new Span(lineStart + word.start(), lineStart + word.end());
        Diagnostic d =
            Diagnostic.error(
                    DiagnosticCode.SYNTAX, "'" + word.text() + "' is not a quantifier", source, at)
                .withLabel("a quantifier is 'all x in S: P' or 'any x in S: P'");
        return meant.isEmpty() ? d : d.withNote(Suggestions.meant(meant));
      }
    }
    return null;
  }

  /**
   * The offset of what keeps the string opened at {@code quote} from being one, before it closes or
   * its line ends: a backslash that escapes a character other than {@code " \\ n t}, or a control
   * character other than a tab; -1 when there is none (the string is unterminated).
   */
  private int notAString(int quote) {
    String text = source.text();
    for (int i = quote + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\n' || c == '\r') {
        return -1;
      }
      if (c == '\\') {
        if (i + 1 >= text.length() || "\"\\nt".indexOf(text.charAt(i + 1)) < 0) {
          return i + 1 < text.length() && text.charAt(i + 1) != '\n' && text.charAt(i + 1) != '\r'
              ? i
              : -1;
        }
        i++;
      } else if (c != '\t' && Character.getType(c) == Character.CONTROL) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Where "unexpected end of input" points: right after the last character that is not blank, so
   * the caret sits under the unfinished line rather than on an empty one after it.
   */
  private int endOfContent() {
    String text = source.text();
    int end = text.length();
    while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return end;
  }

  private static String describe(Token token) {
    if (token.getType() == Token.EOF) {
      return "end of input";
    }
    String text = token.getText();
    // cut after 20 code points, never between the two halves of an emoji
    if (text.codePointCount(0, text.length()) > 20) {
      text = text.substring(0, text.offsetByCodePoints(0, 20)) + "…";
    }
    return "'" + text + "'";
  }

  /**
   * The UTF-16 units of the character at {@code offset}: two for an emoji, so a span holds it
   * whole.
   */
  private int charAt(int offset) {
    String text = source.text();
    return offset < text.length() ? Character.charCount(text.codePointAt(offset)) : 1;
  }

  private int offsetOf(int line, int charPositionInLine) {
    String text = source.text();
    int offset = 0;
    for (int l = 1; l < line && offset < text.length(); l++) {
      int next = text.indexOf('\n', offset);
      offset = next < 0 ? text.length() : next + 1;
    }
    // ANTLR's column counts code points from the line start
    int cp = text.codePointCount(0, Math.min(offset, text.length())) + charPositionInLine;
    return source.offsetOfCodePoint(cp);
  }
}
