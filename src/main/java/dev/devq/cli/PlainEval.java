package dev.devq.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.List;

/**
 * {@code devq eval QUERY…} with nothing but queries, run without picocli. Setting picocli up costs
 * about 90 ms of a one-shot start (it reflects on the command's annotations, and its Java 5 class
 * files cannot go into a class-data archive), more than the query itself. A command line with any
 * option, {@code --help}, {@code --} or an {@code @file} takes the usual path; this one makes the
 * same {@link EvalCommand} with the defaults picocli would give it, and writes and exits as picocli
 * would ({@code PlainEvalTest} compares the two).
 */
final class PlainEval {
  private PlainEval() {}

  /** Whether {@code args} are {@code eval} and queries only. */
  static boolean applies(String... args) {
    return args.length >= 2
        && args[0].equals("eval")
        && Arrays.stream(args, 1, args.length)
            .noneMatch(a -> a.startsWith("-") || a.startsWith("@"));
  }

  /** Runs the queries of {@code args} on the standard streams, as picocli would set them up. */
  static int run(String... args) {
    return run(writer(System.out, "sun.stdout.encoding"), stderr(), args);
  }

  /** The standard error stream as picocli writes to it. */
  static PrintWriter stderr() {
    return writer(System.err, "sun.stderr.encoding");
  }

  static int run(PrintWriter out, PrintWriter err, String... args) {
    var eval = new EvalCommand();
    eval.common = new CommonOptions();
    eval.format = new TableFormat();
    eval.queries = List.of(Arrays.copyOfRange(args, 1, args.length));
    eval.writeTo(out, err);
    try {
      return eval.call();
    } catch (Loader.Failed e) {
      return ExitCodes.BAD_INPUT; // the knowledge base's errors are printed already
    } catch (OutOfMemoryError | StackOverflowError | RuntimeException e) {
      return Main.internalError(err, e);
    }
  }

  /** picocli's writer for a standard stream: its encoding property if valid, else the default. */
  private static PrintWriter writer(PrintStream stream, String encodingProperty) {
    Charset charset = Charset.defaultCharset();
    String name = System.getProperty(encodingProperty);
    if (name != null) {
      try {
        charset = Charset.forName(name.equalsIgnoreCase("cp65001") ? "UTF-8" : name);
      } catch (IllegalArgumentException unknown) {
        // picocli falls back to the default charset too
      }
    }
    return new PrintWriter(new BufferedWriter(new OutputStreamWriter(stream, charset)), true);
  }
}
