package dev.devq.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code $ ./devq …} command shown in the docs that {@link DocsTourTest} runs, and how: its
 * arguments, a {@code | head -N} or {@code | tail -N} it is piped through, and for {@code plot} the
 * file it writes, which goes to a temporary folder instead (and is named in the output as the page
 * names it), so that checking a page never redraws the figures it shows.
 *
 * <p>Left alone, as {@link #parse} says: commands that refit per group ({@code validate --report},
 * {@code --holdout}; minutes each, kept by their own tests), {@code calibrate}, {@code doc} and
 * {@code import} (they write files the page means for the user), overlays other than the shipped
 * test fixtures, other shell pipes, and commands reading measurements that are not beside the
 * project.
 */
record DocsCommand(List<String> arguments, String pipe, int pipeLines, String plotFile) {
  private static final Set<String> RUN =
      Set.of("eval", "check", "explain", "info", "list", "search", "validate", "plot");
  private static final Set<String> REFITS = Set.of("--report", "--holdout");
  private static final String FIXTURES = "src/test/resources/";
  private static final String DEFAULT_PLOT = "plot.svg";

  DocsCommand {
    arguments = List.copyOf(arguments);
  }

  /** The command of a page's line after {@code $ ./devq }, or empty when it is left alone. */
  static Optional<DocsCommand> parse(String line) {
    List<String> words = ReplArguments.words(line);
    int bar = words.indexOf("|");
    List<String> arguments = bar < 0 ? words : words.subList(0, bar);
    List<String> pipe = bar < 0 ? List.of() : words.subList(bar + 1, words.size());
    int verb = 0;
    while (verb + 1 < arguments.size()
        && arguments.get(verb).equals("--profiles")
        && arguments.get(verb + 1).startsWith(FIXTURES)) {
      verb += 2;
    }
    if (verb >= arguments.size()
        || !RUN.contains(arguments.get(verb))
        || arguments.stream().anyMatch(REFITS::contains)
        || arguments.stream().anyMatch(a -> a.startsWith("../") && !Files.exists(Path.of(a)))
        || !(pipe.isEmpty() || headOrTail(pipe))) {
      return Optional.empty();
    }
    String plotFile = null;
    if (arguments.get(verb).equals("plot")) {
      int o = arguments.indexOf("-o");
      plotFile = o < 0 ? DEFAULT_PLOT : arguments.get(o + 1);
    }
    return Optional.of(
        new DocsCommand(
            arguments,
            pipe.isEmpty() ? "" : pipe.get(0),
            pipe.isEmpty() ? 0 : Integer.parseInt(pipe.get(1).substring(1)),
            plotFile));
  }

  private static boolean headOrTail(List<String> pipe) {
    return pipe.size() == 2
        && (pipe.get(0).equals("head") || pipe.get(0).equals("tail"))
        && pipe.get(1).matches("-[0-9]+");
  }

  /** What the command prints, standard output then standard error, after its pipe. */
  List<String> run() {
    if (plotFile == null) {
      return piped(execute(arguments));
    }
    Path folder = null;
    try {
      folder = Files.createTempDirectory("devq-docs-plot");
      String written = folder.resolve(Path.of(plotFile).getFileName()).toString();
      List<String> args = new ArrayList<>(arguments);
      int o = args.indexOf("-o");
      if (o < 0) {
        args.addAll(List.of("-o", written));
      } else {
        args.set(o + 1, written);
      }
      return piped(execute(args).replace(written, plotFile));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteFolder(folder);
    }
  }

  private List<String> piped(String printed) {
    List<String> lines = printed.lines().toList();
    int n = Math.min(pipeLines, lines.size());
    return switch (pipe) {
      case "head" -> lines.subList(0, n);
      case "tail" -> lines.subList(lines.size() - n, lines.size());
      default -> lines;
    };
  }

  /** The temporary folder of a plot and the one file it may hold. */
  private static void deleteFolder(Path folder) {
    if (folder == null) {
      return;
    }
    try (var files = Files.list(folder)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
      Files.delete(folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<String> piped(List<String> lines) {
    int n = Math.min(pipeLines, lines.size());
    return switch (pipe) {
      case "head" -> lines.subList(0, n);
      case "tail" -> lines.subList(lines.size() - n, lines.size());
      default -> lines;
    };
  }

  private static String execute(List<String> args) {
    var out = new StringWriter();
    var err = new StringWriter();
    var cmd = Main.commandLine();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    cmd.execute(args.toArray(String[]::new));
    return out.toString() + err;
  }
}
