package dev.devq.cli;

import dev.devq.Bindings;
import dev.devq.Figure;
import dev.devq.Json;
import dev.devq.PlotRequest;
import dev.devq.doc.AtomicFile;
import dev.devq.doc.InputPath;
import dev.devq.doc.OutputFiles;
import dev.devq.lang.Diagnostic;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import dev.devq.lang.Suggestions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code devq plot}: a sweep, a timeline or a roofline as an SVG file. */
@Command(
    name = "plot",
    mixinStandardHelpOptions = true,
    description = {
      "Draw an SVG chart: EXPR against a parameter or over targets (--over), the per-layer"
          + " schedule of an estimate (--timeline) or its roofline (--roofline).",
      "",
      "  devq plot 'latency(mobilenet_v2, iphone_12, after(t))' --over 't in 0min..30min'",
      "  devq plot 'mobilenet_v2(resolution = r)' ... --over 'r in [128, 160, 224]'",
      "  devq plot 'latency(resnet50, d, sustained) < 10ms' --over 'd in devices where d.year"
          + " >= 2022'",
      "  devq plot --timeline 'latency(deeplabv3_mobilenet_v3, iphone_12)'",
      "",
      "A list [a, b] draws one line per item; a comparison a < b draws a and b as the budget"
          + " line; an estimate's 80%% range (latency, fps, energy, …) is drawn as a band. A range"
          + " takes 31 points, or"
          + " 'step S': 't in 0min..30min step 2min'."
    })
final class PlotCommand extends DevqCommand {
  /** Where the chart goes when {@code -o} is not given. */
  static final String DEFAULT_OUTPUT = "plot.svg";

  @Mixin OutputFormat format;

  @Option(
      names = "--over",
      arity = "1..*",
      // one word: a label with spaces is cut in two where the man page's synopsis wraps
      paramLabel = "SWEEP",
      description =
          "VAR in RANGE: the variable and its range, list or set, e.g. 't in 0min..30min'")
  List<String> over;

  @Option(names = "--timeline", description = "the per-layer schedule per compute unit")
  boolean timeline;

  @Option(names = "--roofline", description = "every layer at its arithmetic intensity")
  boolean roofline;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE.svg",
      description = "where to write the chart (default: " + DEFAULT_OUTPUT + ")")
  Path output;

  @Option(
      names = {"-f", "--force"},
      description = "replace FILE.svg if it exists (without it, an existing file is refused)")
  boolean force;

  @Option(names = "--title", description = "the chart's title (default: from EXPR)")
  String title = "";

  @Parameters(arity = "0..*", paramLabel = "EXPR", completionCandidates = EntityIds.class)
  List<String> words;

  /** The bindings the expression may use: none on the command line, the session's in the REPL. */
  Bindings bindings = Bindings.EMPTY;

  @Override
  boolean json() {
    return format.json();
  }

  @Override
  int run() throws Loader.Failed {
    List<Diagnostic> badOutput = outputFolderProblems();
    if (!badOutput.isEmpty()) {
      return errors(badOutput);
    }
    String problem = usageProblem();
    if (!problem.isEmpty()) {
      fail(problem); // as every command's bad input: also a JSON errors object with --format json
      err().println("try '" + helpCommand() + "'");
      return ExitCodes.BAD_INPUT;
    }
    var expr = new SourceText("<query>", String.join(" ", words));
    PlotRequest req;
    if (over != null) {
      var overText = new SourceText("--over", String.join(" ", over));
      req = PlotRequest.sweep(expr, overText, new Span(0, overText.text().length()), title);
    } else {
      req =
          PlotRequest.of(
              timeline ? PlotRequest.Kind.TIMELINE : PlotRequest.Kind.ROOFLINE, expr, title);
    }
    Path file = outputFile();
    // a path that looks right yet the system refuses (/proc, a read-only disk) is an I/O failure
    // like a failed write (exit 3), but said before the chart, which a sweep takes a while to draw
    String refused = OutputFiles.refusal(file);
    if (!refused.isEmpty()) {
      return cannotWrite(file, refused);
    }
    Figure figure = devq().plot(req, bindings);
    if (!figure.ok()) {
      return errors(figure.diagnostics());
    }
    try {
      OutputFiles.write(file, figure.svg());
    } catch (IOException e) {
      return cannotWrite(file, AtomicFile.reason(e));
    }
    if (format.json()) {
      var json = Json.object();
      json.put("kind", "plot");
      json.put("file", file.toString());
      json.put("title", figure.title());
      json.put("chart", figure.summary());
      if (!figure.leftOut().isEmpty()) {
        json.set("left_out", figure.leftOutJson());
      }
      out().println(Json.write(json));
    } else {
      out().println("wrote " + file + " (" + figure.summary() + ")");
      if (!figure.leftOut().isEmpty()) {
        // as eval says it under a list: the points missing from the chart, and why
        out().println(figure.leftOut());
      }
    }
    return ExitCodes.OK;
  }

  /** An I/O failure (exit 3), said as every failure of plot: with --format json, as JSON too. */
  private int cannotWrite(Path file, String reason) {
    return failToWrite("cannot write " + file + ": " + reason);
  }

  /**
   * {@code -o out/x.svg} where {@code out} is not a folder, or {@code -o out} naming a folder: a
   * path the user gave that names nothing to write into, refused as any such path is ({@code
   * INPUT_FILE}, exit 2) before the chart is computed; empty when the folder is there.
   */
  private List<Diagnostic> outputFolderProblems() {
    if (output == null || output.toString().isEmpty()) {
      return List.of();
    }
    Optional<InputPath.Problem> problem;
    if (Files.isDirectory(output)) {
      problem =
          Optional.of(
              new InputPath.Problem(
                  output + " is a folder, not a file",
                  "name the chart's file in it, e.g. -o " + output.resolve(DEFAULT_OUTPUT)));
    } else {
      Path dir = output.getParent();
      problem = dir == null ? Optional.empty() : InputPath.problem(dir, InputPath.Kind.FOLDER);
    }
    return problem.map(p -> List.of(ArgumentsText.at(spec, inRepl, output, p))).orElse(List.of());
  }

  private Path outputFile() {
    return output == null ? Path.of(DEFAULT_OUTPUT) : output;
  }

  /**
   * A misspelt option after {@code --over t=0..30} ({@code --tilte}): --over takes every word up to
   * the next known option, so picocli reads it as part of the range; said as the unknown option it
   * is, with the nearest one, or empty.
   */
  private String optionInRange() {
    for (String w : over == null ? List.<String>of() : over.subList(1, over.size())) {
      if (w.startsWith("--")) {
        String near = DashArguments.closestOption(spec, w);
        return "unknown option '"
            + w
            + "' after --over"
            + (near.isEmpty() ? "" : "; " + Suggestions.meant(near));
      }
    }
    return "";
  }

  private String usageProblem() {
    long overs =
        spec.commandLine().getParseResult().matchedOptions().stream()
            .filter(o -> o.longestName().equals("--over"))
            .count();
    if (overs > 1) {
      // picocli would join both into one text, whose syntax error says nothing of the cause
      return "--over is given "
          + overs
          + " times: a chart sweeps one variable, so give one --over 'VAR in RANGE'"
          + " (a list EXPR [a, b] draws several lines)";
    }
    String stray = optionInRange();
    if (!stray.isEmpty()) {
      return stray;
    }
    int kinds = (over != null ? 1 : 0) + (timeline ? 1 : 0) + (roofline ? 1 : 0);
    if (kinds != 1) {
      boolean hole = words != null && String.join(" ", words).contains("?");
      return kinds == 0
          ? "plot needs to be told what to draw: EXPR --over 'VAR in RANGE', --timeline EXPR or"
              + " --roofline EXPR"
              + (hole
                  ? " (a ? hole is not a chart: name the targets with --over 'd in devices' and"
                      + " write d in its place)"
                  : "")
          : "plot draws one chart: give one of --over, --timeline and --roofline";
    }
    if (words == null || words.isEmpty()) {
      // --over 'VAR in RANGE' 'EXPR': the range's words run to the next option, the EXPR with them
      return "plot needs an expression to draw"
          + (over != null && over.size() > 1
              ? ": --over took every word after it as its range ('"
                  + String.join(" ", over)
                  + "'); give EXPR before --over, or end the range with --"
              : "");
    }
    String empty =
        emptyQuery(
            List.of(String.join(" ", words)),
            "plot",
            "--timeline",
            "latency(deeplabv3_mobilenet_v3, iphone_12)");
    if (!empty.isEmpty()) {
      return empty;
    }
    if (output != null && !output.toString().endsWith(".svg")) {
      // a folder (-o out/) gets the file in it to write, any other name its .svg form
      Path named =
          Files.isDirectory(output) || output.getFileName() == null
              ? output.resolve(DEFAULT_OUTPUT)
              : output.resolveSibling(
                  output.getFileName().toString().replaceFirst("(?<=.)\\.[^.]*$", "") + ".svg");
      return "the output must be an .svg file: " + output + "; e.g. -o " + named;
    }
    // said before the chart is computed, for the default file as for -o (a directory named
    // plot.svg where devq runs); the write would fail after the work, naming its temporary file
    Path file = outputFile();
    String unwritable = OutputFiles.problem(file);
    if (!unwritable.isEmpty()) {
      return "cannot write " + file + ": " + unwritable;
    }
    // a chart drawn over last week's file lost it without a word, as :save once did a session
    return !force && Files.exists(file)
        ? "cannot write " + file + ": it exists; add --force to replace it"
        : "";
  }
}
