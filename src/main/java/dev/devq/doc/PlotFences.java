package dev.devq.doc;

import dev.devq.Bindings;
import dev.devq.Devq;
import dev.devq.Figure;
import dev.devq.PlotRequest;
import dev.devq.Run;
import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code ```devq plot} fences of a review document. The fence's options say what to draw, as on
 * the command line, and its body is the expression:
 *
 * <pre>
 * ```devq plot --over t in 0min..30min
 * latency(seg, iphone_12, after(t))
 * ```
 * </pre>
 *
 * The figure goes beside the document as {@code NAME.plot-Q.svg}, {@code Q} the hash of the fence's
 * own text and options (and, for a fence that repeats an earlier one word for word, how many came
 * before it): a change to one fence, its {@code --title} say, renames its figure and no other. What
 * the chart shows may still depend on the blocks before it; the data hash below tells when it
 * changed. The result region holds a Markdown image link to it. The SVG carries a comment with the
 * hash of its chart data and of its own text: a figure whose data changed is stale like a result;
 * one whose text no longer matches its hash was edited by hand and is refused; a missing one is
 * written again. Figures are compared by their data, not their bytes, because text positions in the
 * SVG follow the fonts of the machine that drew it. A figure devq drew that no fence links any more
 * (its query changed, or the fence went) is deleted when the document is written.
 */
final class PlotFences {
  private static final String MARK = "<!-- devq:figure data=";

  /** A drawn fence: its file beside the document and the chart that goes into it. */
  private record Drawn(Path file, Figure figure, String data) {}

  private final Devq devq;
  private final Path dir;
  private final String stem;
  private final Map<Integer, Drawn> figures = new HashMap<>();

  /** How many fences of each text came so far, so that two identical fences get two figures. */
  private final Map<String, Integer> seen = new HashMap<>();

  private int index;

  PlotFences(Devq devq, Path document) {
    this.devq = devq;
    Path parent = document.toAbsolutePath().getParent();
    this.dir = parent == null ? Path.of("") : parent;
    String name = document.getFileName().toString();
    this.stem = name.endsWith(".md") ? name.substring(0, name.length() - 3) : name;
  }

  /** Whether a fence's info string ({@code devq plot …}) opens a plot. */
  static boolean isPlot(String[] info) {
    return info.length >= 2 && MarkdownBlocks.namesDevq(info[0]) && info[1].equals("plot");
  }

  /** The opening line of a fence, numbered as in the document, where its options are. */
  static SourceText fenceLine(SourceText document, int[] lineOffsets, int openLine) {
    String line = document.lineText(MarkdownBlocks.lineOffset(lineOffsets, openLine));
    return new SourceText(document.name(), line, openLine + 1);
  }

  /**
   * Where the fence itself starts on its opening line: after the markers of the block quotes and
   * list items around it ({@code > }, {@code - }, {@code 1. }), which are no words of the fence.
   * Those markers hold no backtick or tilde, so the first run of three is the fence.
   */
  static int fenceStart(String line) {
    int backticks = line.indexOf("```");
    int tildes = line.indexOf("~~~");
    int first = backticks < 0 ? tildes : tildes < 0 ? backticks : Math.min(backticks, tildes);
    return Math.max(0, first);
  }

  /** What a block's query hash covers: a plot's options as well as its expression. */
  static String queryText(QueryBlock block) {
    return block.plot()
        ? block.fence().text() + "\n" + block.source().text()
        : block.source().text();
  }

  /**
   * Runs the next block of the document: a query block through devq, a plot fence by drawing its
   * chart (it binds nothing, but the {@code let}s it names count as read: {@link
   * Figure#bindings()}).
   */
  Run run(QueryBlock block, Bindings bindings) {
    int b = index++;
    if (!block.plot()) {
      return devq.runFile(block.source(), bindings);
    }
    PlotRequest req;
    try {
      req = PlotFenceOptions.read(block);
    } catch (PlotFenceOptions.Refused e) {
      return new Run(bindings, List.of(), List.of(e.diagnostic()));
    }
    Figure figure = devq.plot(req, bindings);
    Bindings read = figure.bindings();
    if (!figure.ok()) {
      return new Run(read, List.of(), figure.diagnostics());
    }
    Path file = dir.resolve(stem + ".plot-" + figureHash(queryText(block)) + ".svg");
    figures.put(b, new Drawn(file, figure, Hashes.of(figure.text())));
    if (Files.isSymbolicLink(file)) {
      // a link committed in a figure's place could lead the write anywhere, even where nothing is
      return refused(
          block,
          read,
          "the figure "
              + file.getFileName()
              + " is a symbolic link; devq draws figures only as plain files beside the document",
          "delete the link to have the figure drawn");
    }
    if (handEdited(file)) {
      return refused(
          block,
          read,
          "the figure " + file.getFileName() + " was edited by hand; devq will not overwrite it",
          "delete the file to have it drawn again");
    }
    return new Run(read, List.of(), List.of());
  }

  /** The hash in a fence's figure name: its own text, and how many identical fences came first. */
  private String figureHash(String fenceText) {
    int before = seen.merge(fenceText, 1, Integer::sum) - 1;
    return Hashes.of(before == 0 ? fenceText : fenceText + "\u0000" + before);
  }

  private static Run refused(QueryBlock block, Bindings bindings, String message, String note) {
    Diagnostic d =
        Diagnostic.error(
                DiagnosticCode.DOCUMENT,
                message,
                block.fence(),
                new Span(0, block.fence().text().length()))
            .withNote(note);
    return new Run(bindings, List.of(), List.of(d));
  }

  boolean owns(int block) {
    return figures.containsKey(block);
  }

  /**
   * The result region of a plot: a Markdown image link to its figure, and under it what a sweep
   * left out because the model cannot run there.
   */
  String inner(int block) {
    Drawn f = figures.get(block);
    String alt = f.figure().title().replace("[", "(").replace("]", ")");
    String leftOut = f.figure().leftOut();
    return "!["
        + alt
        + "]("
        + f.file().getFileName()
        + ")\n"
        + (leftOut.isEmpty() ? "" : "\n" + leftOut + "\n");
  }

  /** Why a figure must be drawn again although its region is fresh, or empty. */
  String staleness(int block) {
    Drawn f = figures.get(block);
    if (f == null) {
      return "";
    }
    if (!Files.exists(f.file())) {
      return "the figure " + f.file().getFileName() + " is missing";
    }
    String text = read(f.file());
    return text.contains(MARK + f.data() + " ") ? "" : "the figure's data changed";
  }

  /** Draws a figure into its file, atomically. */
  void write(int block) throws IOException {
    Drawn f = figures.get(block);
    String svg = f.figure().svg();
    int lineEnd = svg.indexOf('\n') + 1;
    String mark = MARK + f.data() + " svg=" + Hashes.of(svg) + " -->\n";
    OutputFiles.write(f.file(), svg.substring(0, lineEnd) + mark + svg.substring(lineEnd));
  }

  /**
   * Deletes the figures beside the document that devq drew for it ({@code NAME.plot-Q.svg}, its
   * mark intact) and that no fence links any more. Only plain files directly beside the document
   * match the name, so nothing outside its directory is touched; a figure edited by hand is kept.
   *
   * @return the file names deleted
   */
  List<String> deleteUnlinked() throws IOException {
    Set<Path> linked = new HashSet<>();
    figures.values().forEach(f -> linked.add(f.file()));
    var name =
        Pattern.compile(Pattern.quote(stem) + "\\.plot-[0-9a-f]{" + Hashes.LENGTH + "}\\.svg");
    List<String> deleted = new ArrayList<>();
    try (DirectoryStream<Path> beside = Files.newDirectoryStream(dir)) {
      for (Path f : beside) {
        String n = f.getFileName().toString();
        if (name.matcher(n).matches()
            && !linked.contains(f)
            && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)
            && !handEdited(f)) {
          Files.delete(f);
          deleted.add(n);
        }
      }
    }
    return deleted;
  }

  /** Whether a figure devq wrote no longer matches the hash of its own text. */
  private static boolean handEdited(Path file) {
    if (!Files.exists(file)) {
      return false;
    }
    String text = read(file);
    int at = text.indexOf(MARK);
    int end = at < 0 ? -1 : text.indexOf(" -->\n", at);
    int svgAt = at < 0 ? -1 : text.indexOf(" svg=", at);
    if (end < 0 || svgAt < 0 || svgAt > end) {
      return true;
    }
    String recorded = text.substring(svgAt + " svg=".length(), end);
    String rest = text.substring(0, at) + text.substring(end + " -->\n".length());
    return !Hashes.of(rest).equals(recorded);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
