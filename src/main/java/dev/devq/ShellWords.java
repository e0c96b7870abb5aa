package dev.devq;

/**
 * Words written back as a POSIX shell reads them, so a command devq suggests can be pasted as it
 * is: a hint's argument, or the import to run again with every {@code --dim}.
 *
 * <pre>{@code
 * ShellWords.quoted("-m")            // '-m'
 * ShellWords.word("my model.onnx")   // 'my model.onnx'
 * ShellWords.word("seq=128")         // seq=128
 * }</pre>
 */
public final class ShellWords {
  private ShellWords() {}

  /**
   * The word in single quotes, or in double quotes with {@code \} before {@code "}, {@code $},
   * {@code `} and {@code \} when it holds a single quote itself.
   */
  public static String quoted(String word) {
    if (word.indexOf('\'') < 0) {
      return "'" + word + "'";
    }
    return "\"" + word.replaceAll("([\"$`\\\\])", "\\\\$1") + "\"";
  }

  /**
   * The word bare when a shell reads it unchanged (it is made of letters, digits and {@code _ - . /
   * , : = + @ %} only), else {@link #quoted}.
   */
  public static String word(String word) {
    return word.matches("[A-Za-z0-9_./,:=+@%-]+") ? word : quoted(word);
  }
}
