package dev.devq.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.List;

/**
 * {@code devq eval QUERY…} and {@code devq search QUERY…} with nothing but their queries, run
 * without picocli. Setting picocli up costs about 90 ms of a one-shot start (it reflects on the
 * command's annotations, and its Java 5 class files cannot go into a class-data archive), more
 * than an eval's query. A command line with any option, {@code --help}, {@code --} or an {@code
 * @file} takes the usual path; this one makes the same command object with the defaults picocli
 * would give it, and writes and exits as picocli would ({@code PlainCommandTest} compares the two).
 */
final class PlainCommand {
  private PlainCommand() {}

  /** The command {@code args} name, made as picocli makes it; null when they need picocli. */
  static DevqCommand of(String... args) {
    if (args.length < 2
        || Arrays.stream(args, 1, args.length)
            .anyMatch(a -> a.startsWith("-") || a.startsWith("@"))) {
      return null;
    }
    List<String> queries = List.of(Arrays.copyOfRange(args, 1, args.length));
    DevqCommand command;
    switch (args[0]) {
      case "eval" -> {
        var eval = new EvalCommand();
        eval.format = new TableFormat();
        eval.queries = queries;
        command = eval;
      }
      case "search" -> {
        var search = new SearchCommand();
        search.format = new OutputFormat();
        search.words = queries;
        command = search;
      }
      default -> {
        return null;
      }
    }
    command.common = new CommonOptions();
    return command;
  }

  /** Runs {@code command} on the standard streams, as picocli would set them up. */
  static int run(DevqCommand command) {
    return run(command, writer(System.out, "sun.stdout.encoding"), stderr());
  }

  /** The standard error stream as picocli writes to it. */
  static PrintWriter stderr() {
    return writer(System.err, "sun.stderr.encoding");
  }

  static int run(DevqCommand command, PrintWriter out, PrintWriter err) {
    command.writeTo(out, err);
    try {
      return command.call();
    } catch (Loader.Failed e) {
      return e.exitCode(); // the knowledge base's errors are printed already
    } catch (OutOfMemoryError | StackOverflowError | RuntimeException e) {
      return Main.internalError(err, e);
    } finally {
      out.flush();
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
