package dev.devq.cli;

import dev.devq.DevqAssertions;
import dev.devq.GoldenFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import picocli.CommandLine;

/**
 * A {@code $ ./devq …} command shown in the docs that {@link DocsTourTest} runs, and how: its
 * arguments, a {@code | head -N} or {@code | tail -N} it is piped through, and for {@code plot} the
 * file it writes. Commands that write run in a {@link DocsSandbox}, so that checking a page never
 * redraws the figures it shows or rewrites the documents it runs {@code doc} on: a plot's file goes
 * there (and is named in the output as the page names it), and {@code doc} runs on a copy of its
 * document brought up to date first, as a page shows it. A plot drawn into {@code docs/} is a
 * figure the pages show: what the command draws today is compared with the shipped file ({@code
 * -Dgolden.update=true} rewrites it), so a refit that moves a curve cannot leave a stale picture.
 *
 * <p>Commands that refit per group ({@code validate --report}, {@code --holdout}) take a minute or
 * two each, so each runs once per test JVM however many pages and tests read it. Left alone, as
 * {@link #parse} says: {@code calibrate} (a refit and its held-out folds, minutes; what it prints
 * of the folds is {@code validate --report}'s, which {@link DocsFigures} compares) and {@code
 * import} (they write files the page means for the user), overlays other than the shipped test
 * fixtures, other shell pipes, and commands reading measurements that are not beside the project
 * (so a machine without {@code ../shared/data} checks none of the shipped fit's figures).
 */
record DocsCommand(List<String> arguments, String pipe, int pipeLines, String plotFile) {
  private static final Set<String> RUN =
      Set.of("eval", "check", "explain", "info", "list", "search", "validate", "plot", "doc");
  private static final Set<String> REFITS = Set.of("--report", "--holdout");

  /**
   * What each refitting command printed, by its arguments: a refit per group takes a minute or two,
   * so the pages quoting one and {@link DocsFigures}, which reads the figures the prose quotes from
   * the same command, share one run per test JVM.
   */
  private static final Map<List<String>, String> REFITTED = new ConcurrentHashMap<>();

  private static final String FIXTURES = "src/test/resources/";
  private static final String DEFAULT_PLOT = "plot.svg";
  private static final String DOCS = "docs/";

  DocsCommand {
    arguments = List.copyOf(arguments);
  }

  /** The command of a page's line after {@code $ ./devq }, or empty when it is left alone. */
  static Optional<DocsCommand> parse(String line) {
    List<String> words = ReplArguments.words(line);
    int bar = words.indexOf("|");
    List<String> arguments = bar < 0 ? words : words.subList(0, bar);
    List<String> pipe = bar < 0 ? List.of() : words.subList(bar + 1, words.size());
    int verb = verbIndex(arguments);
    if (verb >= arguments.size()
        || !RUN.contains(arguments.get(verb))
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

  /**
   * What the command prints, standard output then standard error, after its pipe; {@code edits} are
   * made first, in the sandbox's copies of their files.
   */
  List<String> run(List<DocsSandbox.Edit> edits) {
    try (var sandbox = new DocsSandbox()) {
      List<String> args = new ArrayList<>(arguments);
      if (verb().equals("doc") || !edits.isEmpty()) {
        args.replaceAll(a -> DocsSandbox.namesProjectFile(a) ? sandbox.copy(a).toString() : a);
        for (String a : args) {
          if (a.startsWith(sandbox.root().toString()) && a.endsWith(".md")) {
            execute(withVerb("doc", a)); // a page shows doc on a document that is up to date
          }
        }
        edits.forEach(sandbox::apply);
      }
      String written = "";
      if (plotFile != null) {
        written = sandbox.root().resolve(Path.of(plotFile).getFileName()).toString();
        int o = args.indexOf("-o");
        if (o < 0) {
          args.addAll(List.of("-o", written));
        } else {
          args.set(o + 1, written);
        }
      }
      String printed =
          args.stream().anyMatch(REFITS::contains)
              ? REFITTED.computeIfAbsent(List.copyOf(args), DocsCommand::executeShared)
              : execute(args);
      if (plotFile != null) {
        printed = printed.replace(written, plotFile);
        Optional<Path> shipped = shippedFigure();
        if (shipped.isPresent()) {
          GoldenFiles.assertMatches(shipped.get(), Files.readString(Path.of(written)));
        }
      }
      return piped(sandbox.unsandboxed(printed).lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The project file the plot draws when it is a figure of the docs ({@code -o docs/…}), which must
   * be what the command draws today; empty for a chart the page draws for the user.
   */
  Optional<Path> shippedFigure() {
    return plotFile != null && plotFile.startsWith(DOCS)
        ? Optional.of(DevqAssertions.projectDir().resolve(plotFile))
        : Optional.empty();
  }

  /**
   * The lines of a project document after {@code devq doc} brought its results up to date, in a
   * sandbox: what a page quoting the document shows, whatever the shipped copy holds.
   */
  static List<String> freshDocument(String file) {
    try (var sandbox = new DocsSandbox()) {
      Path copy = sandbox.copy(file);
      execute(List.of("doc", copy.toString()));
      return Files.readAllLines(copy);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String verb() {
    return arguments.get(verbIndex(arguments));
  }

  /** This command's options before its verb (the fixtures' --profiles), then {@code words}. */
  private List<String> withVerb(String... words) {
    List<String> args = new ArrayList<>(arguments.subList(0, verbIndex(arguments)));
    args.addAll(List.of(words));
    return args;
  }

  /** Where the verb is: after the --profiles of the shipped test fixtures. */
  private static int verbIndex(List<String> arguments) {
    int verb = 0;
    while (verb + 1 < arguments.size()
        && arguments.get(verb).equals("--profiles")
        && arguments.get(verb + 1).startsWith(FIXTURES)) {
      verb += 2;
    }
    return verb;
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
    return execute(Main.commandLine(), args);
  }

  /**
   * A refitting command run on the tests' shared engine, whose held-out folds the tests of the
   * shipped fit read too ({@code ShippedCalibrationTest}, {@code ShippedRangesTest}): the engine
   * remembers folds it has run, so each runs once per test JVM. An overlay of its own loads its
   * own.
   */
  private static String executeShared(List<String> args) {
    return args.contains("--profiles")
        ? execute(args)
        : execute(Main.commandLine(new Preloading(DevqAssertions.devq())), args);
  }

  private static String execute(CommandLine cmd, List<String> args) {
    var out = new StringWriter();
    var err = new StringWriter();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    cmd.execute(args.toArray(String[]::new));
    return out.toString() + err;
  }
}
