package dev.devq.cli;

import dev.devq.ShellWords;
import dev.devq.doc.InputPath;
import dev.devq.lang.Diagnostic;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The command line as typed, as a source text, so a refused argument is shown with a caret under
 * it, like an error in a query:
 *
 * <pre>
 * error[INPUT_FILE]: no such file: reveiw.md
 *  --> &lt;arguments&gt;:1:10
 *   |
 * 1 | devq doc reveiw.md
 *   |          ^^^^^^^^^
 *   = did you mean 'review.md'?
 * </pre>
 */
final class ArgumentsText {
  private ArgumentsText() {}

  /** Where an argument stands: the command line as a source text, and the argument's span. */
  record Where(SourceText source, Span span) {}

  /** {@code problem} of the path {@code given} on the command line of {@code spec}, at it. */
  static Diagnostic at(CommandSpec spec, boolean inRepl, Path given, InputPath.Problem problem) {
    Where where = of(spec, inRepl, given.toString());
    return problem.at(where.source(), where.span());
  }

  /**
   * Where {@code value} stands on the command line of {@code spec}: the first argument that is it
   * (or an option's {@code =value}); the start of an empty {@code <arguments>} when the command
   * line is not known (a command run without picocli) or the value is not found in it.
   */
  static Where of(CommandSpec spec, boolean inRepl, String value) {
    List<String> args = originalArgs(spec);
    var line = new StringBuilder(inRepl ? ":" : "devq ");
    Span span = null;
    for (int i = 0; i < args.size(); i++) {
      String word = ShellWords.word(args.get(i));
      if (i > 0) {
        line.append(' ');
      }
      if (span == null) {
        span = valueIn(args.get(i), word, value, line.length());
      }
      line.append(word);
    }
    if (span == null) {
      return new Where(Loader.ARGUMENTS, Span.at(0));
    }
    return new Where(new SourceText(Loader.ARGUMENTS.name(), line.toString()), span);
  }

  /**
   * Where {@code value} stands in the argument {@code arg}, written as {@code word} from offset
   * {@code at}: the whole argument, or the part after {@code =} of {@code --profiles=DIR}; null
   * when the argument is something else.
   */
  private static Span valueIn(String arg, String word, String value, int at) {
    if (arg.equals(value)) {
      return new Span(at, at + word.length());
    }
    if (arg.startsWith("-") && arg.endsWith("=" + value) && word.equals(arg)) {
      return new Span(at + arg.length() - value.length(), at + arg.length());
    }
    return null;
  }

  private static List<String> originalArgs(CommandSpec spec) {
    if (spec == null || spec.root().commandLine().getParseResult() == null) {
      return List.of();
    }
    return spec.root().commandLine().getParseResult().originalArgs();
  }
}
