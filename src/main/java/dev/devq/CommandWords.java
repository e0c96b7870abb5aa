package dev.devq;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The words of a command line that could name zoo models or built-in functions, for readying them
 * ahead ({@link Devq#prefetch}): runs of the characters of their names (lower-case ASCII letters,
 * digits, underscores). A hint only: a word that names neither is ignored, and a model named
 * another way (an alias, a name in a file the command reads) is read when the query reaches it, as
 * without the hint.
 */
final class CommandWords {
  private CommandWords() {}

  /** Each such word of {@code args} once, in order. */
  static Set<String> words(List<String> args) {
    Set<String> words = new LinkedHashSet<>();
    for (String arg : args) {
      int start = -1;
      for (int i = 0; i <= arg.length(); i++) {
        boolean word = i < arg.length() && isWordChar(arg.charAt(i));
        if (word && start < 0) {
          start = i;
        } else if (!word && start >= 0) {
          words.add(arg.substring(start, i));
          start = -1;
        }
      }
    }
    return words;
  }

  private static boolean isWordChar(char c) {
    return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_';
  }
}
