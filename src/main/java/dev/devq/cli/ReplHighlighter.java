package dev.devq.cli;

import dev.devq.Language;
import dev.devq.lang.Tokens;
import java.util.List;
import java.util.regex.Pattern;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Colours REPL input from the engine's tokens ({@link Tokens}): keywords, numbers with their units,
 * strings, comments, functions, known entities and variables, and characters the language has no
 * use for (an unterminated string's quote) in red.
 */
final class ReplHighlighter implements Highlighter {
  private static final AttributedStyle KEYWORD =
      AttributedStyle.BOLD.foreground(AttributedStyle.MAGENTA);
  private static final AttributedStyle NUMBER =
      AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
  private static final AttributedStyle STRING =
      AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
  private static final AttributedStyle COMMENT =
      AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT);
  private static final AttributedStyle FUNCTION =
      AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
  private static final AttributedStyle ENTITY =
      AttributedStyle.DEFAULT.foreground(AttributedStyle.BLUE);
  private static final AttributedStyle VARIABLE = AttributedStyle.BOLD;
  private static final AttributedStyle ERROR =
      AttributedStyle.BOLD.foreground(AttributedStyle.RED).underline();

  private final ReplState state;

  ReplHighlighter(ReplState state) {
    this.state = state;
  }

  @Override
  public AttributedString highlight(LineReader reader, String buffer) {
    var out = new AttributedStringBuilder();
    String query = buffer;
    if (buffer.stripLeading().startsWith(":")) {
      int end = buffer.indexOf(' ', buffer.indexOf(':'));
      end = end < 0 ? buffer.length() : end;
      out.styled(AttributedStyle.BOLD, buffer.substring(0, end));
      if (!buffer.substring(0, end).strip().equals(":explain")) {
        return out.append(buffer.substring(end)).toAttributedString();
      }
      query = buffer.substring(end);
    }
    List<Tokens.Token> tokens = Tokens.of(query);
    for (int i = 0; i < tokens.size(); i++) {
      Tokens.Token t = tokens.get(i);
      out.styled(style(t, next(tokens, i)), t.text());
    }
    return out.toAttributedString();
  }

  private AttributedStyle style(Tokens.Token t, String next) {
    return switch (t.kind()) {
      case KEYWORD -> KEYWORD;
      case NUMBER, UNIT -> NUMBER;
      case STRING -> STRING;
      case COMMENT -> COMMENT;
      case ERROR -> ERROR;
      case NAME -> name(t.text(), next);
      case OPERATOR, PUNCTUATION, SPACE -> AttributedStyle.DEFAULT;
    };
  }

  private AttributedStyle name(String name, String next) {
    if (state.bindings.binds(name)) {
      return VARIABLE;
    }
    if (next.equals("(") && (Language.isFunction(name) || state.devq.isModel(name))) {
      return FUNCTION;
    }
    return state.devq.isEntity(name) ? ENTITY : AttributedStyle.DEFAULT;
  }

  /** The text of the next token that is not whitespace or a comment. */
  private static String next(List<Tokens.Token> tokens, int i) {
    for (int j = i + 1; j < tokens.size(); j++) {
      Tokens.Kind k = tokens.get(j).kind();
      if (k != Tokens.Kind.SPACE && k != Tokens.Kind.COMMENT) {
        return tokens.get(j).text();
      }
    }
    return "";
  }

  @Override
  public void setErrorPattern(Pattern errorPattern) {
    // Errors are found by the engine, not by a pattern.
  }

  @Override
  public void setErrorIndex(int errorIndex) {
    // Errors are reported with a caret after Enter instead.
  }
}
