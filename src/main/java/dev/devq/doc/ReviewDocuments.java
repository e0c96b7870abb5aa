package dev.devq.doc;

import dev.devq.Bindings;
import dev.devq.Devq;
import dev.devq.Outcome;
import dev.devq.Run;
import dev.devq.lang.AtomicReplace;
import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import dev.devq.lang.UserFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code devq doc}: evaluates the {@code ```devq} blocks of a Markdown review and writes each
 * block's results right under it, between an invisible marker carrying hashes of the query, the
 * knowledge base and the result, and an end marker:
 *
 * <pre>
 * ```devq
 * latency(mobilenet_v2, a16, throttled) &lt; 33ms
 * ```
 * &lt;!-- devq:result q=3f9a1c0b7e22 kb=5d0e9a7c4411 r=9b1f2e6a0c3d --&gt;
 * ```text
 * PASS  latency(mobilenet_v2, a16, throttled) &lt; 33ms
 *       685 µs &lt; 33 ms, 32.3 ms to spare (97.9%)
 * ```
 * &lt;!-- devq:end --&gt;
 * </pre>
 *
 * A result is stale when its query (or a block before it, whose bindings it sees) or the knowledge
 * base changed, or when a fresh evaluation reads differently. A region whose text no longer matches
 * its {@code r} hash was edited by hand and is refused, never overwritten. Nothing outside the
 * regions changes, and a document with nothing stale is not written at all.
 */
public final class ReviewDocuments {
  private ReviewDocuments() {}

  /**
   * Checks a document ({@code write == false}) or brings its results up to date. A fence's {@code
   * file=} may read query files below {@code root}, or below the document's folder when {@code
   * root} is null.
   */
  public static DocReport run(Devq devq, Path path, boolean write, Path root) {
    return run(devq, path, write, root, AtomicReplace.DISK);
  }

  static DocReport run(Devq devq, Path path, boolean write, Path root, AtomicReplace.Io io) {
    String name = path.toString();
    byte[] bytes;
    String text;
    try {
      bytes = UserFile.bytes(path, UserFile.MAX_BYTES);
      text = UserFile.decode(bytes);
    } catch (UserFile.Refused e) {
      return failed(name, "cannot read " + name + ": it " + e.getMessage());
    }
    // A byte-order mark would hide a fence on the first line from the Markdown parser; it is put
    // back when the document is written.
    String bom = text.startsWith(UserFile.BOM) ? UserFile.BOM : "";
    text = text.substring(bom.length());
    SourceText document = new SourceText(name, text);
    Diagnostic tooDeep = MarkdownDepth.check(document);
    if (tooDeep != null) {
      return new DocReport(new FileResult(name, List.of(), List.of(tooDeep)), List.of(), false, "");
    }
    List<Lines.Line> lines = Lines.split(text);
    MarkdownBlocks.Parsed parsed = MarkdownBlocks.parse(text);
    List<Diagnostic> problems = new ArrayList<>(DocumentProblems.find(document, lines, parsed));
    MarkdownBlocks.Found found = MarkdownBlocks.find(name, text, path.getParent(), root, parsed);
    problems.addAll(found.diagnostics());

    List<Outcome> outcomes = new ArrayList<>();
    List<List<Outcome>> perBlock = new ArrayList<>();
    Bindings bindings = Bindings.EMPTY;
    var fences = new PlotFences(devq, path);
    for (QueryBlock block : found.blocks()) {
      Run run = fences.run(block, bindings);
      bindings = run.bindings();
      perBlock.add(run.outcomes());
      outcomes.addAll(run.outcomes());
      problems.addAll(run.diagnostics());
    }
    FileResult result = new FileResult(name, outcomes, problems);
    if (!problems.isEmpty()) {
      return new DocReport(result, List.of(), false, "");
    }

    List<DocReport.Stale> stale = new ArrayList<>();
    List<ResultRegions.Edit> edits = new ArrayList<>();
    List<Integer> drawn = new ArrayList<>();
    String query = "";
    for (int b = 0; b < parsed.blocks().size(); b++) {
      QueryBlock block = found.blocks().get(b);
      query = Hashes.chain(query, PlotFences.queryText(block));
      List<ResultRegions.Part> texts = new ArrayList<>();
      perBlock.get(b).forEach(o -> texts.add(resultPart(o)));
      String inner = fences.owns(b) ? fences.inner(b) : ResultRegions.inner(texts);
      var marker =
          new ResultMarker(query.substring(0, Hashes.LENGTH), devq.version(), Hashes.of(inner));
      MarkdownBlocks.Block fence = parsed.blocks().get(b);
      MarkdownBlocks.Region region = regionOf(parsed, b);
      String why = region == null ? "no result yet" : staleness(marker, region);
      why = why.isEmpty() ? fences.staleness(b) : why;
      if (!why.isEmpty()) {
        stale.add(new DocReport.Stale(fence.openLine() + 1, why, false));
        int from = region == null ? fence.closeLine() + 1 : region.startLine();
        int to = region == null ? from : region.endLine() + 1;
        edits.add(new ResultRegions.Edit(from, to, ResultRegions.lines(marker, inner)));
        drawn.add(b);
      }
    }
    for (MarkdownBlocks.Region orphan : parsed.regions()) {
      if (orphan.owner() < 0) {
        stale.add(
            new DocReport.Stale(orphan.startLine() + 1, "no devq block right above it", true));
        edits.add(new ResultRegions.Edit(orphan.startLine(), orphan.endLine() + 1, List.of()));
      }
    }
    edits.sort((x, y) -> Integer.compare(x.from(), y.from()));
    if (!write) {
      return new DocReport(result, stale, false, "");
    }
    try {
      if (!edits.isEmpty()) {
        // figures first, so the document never links one that is not there
        for (int b : drawn) {
          if (fences.owns(b)) {
            fences.write(b);
          }
        }
        AtomicFile.replace(
            path,
            bytes,
            (bom + ResultRegions.apply(lines, edits)).getBytes(StandardCharsets.UTF_8),
            io);
      }
      // and the figures no fence links any more last, once the document no longer links them
      fences.deleteUnlinked();
    } catch (AtomicFile.Changed e) {
      return new DocReport(result, stale, false, e.getMessage());
    } catch (IOException e) {
      return new DocReport(
          result,
          stale,
          false,
          "cannot write " + name + ": " + AtomicFile.reason(e) + "; the document is unchanged");
    }
    return new DocReport(result, stale, !edits.isEmpty(), "");
  }

  /**
   * One outcome in a result region: as {@code devq check} prints it but without positions (a region
   * moves when text above it changes), and a plain value after the expression it came from, which
   * sits a few lines up.
   */
  static String resultText(Outcome o) {
    String text = o.text(false);
    return o.isValue() ? o.expression() + " = " + text : text;
  }

  /** A table's result is a Markdown table; anything else the text of {@link #resultText}. */
  static ResultRegions.Part resultPart(Outcome o) {
    return o.isTable()
        ? new ResultRegions.Part(o.markdown(), true)
        : new ResultRegions.Part(resultText(o), false);
  }

  private static MarkdownBlocks.Region regionOf(MarkdownBlocks.Parsed parsed, int block) {
    for (MarkdownBlocks.Region r : parsed.regions()) {
      if (r.owner() == block) {
        return r;
      }
    }
    return null;
  }

  /** Why a written result no longer fits its block, or empty when it is fresh. */
  private static String staleness(ResultMarker fresh, MarkdownBlocks.Region region) {
    ResultMarker old = ResultMarker.parse(region.marker());
    if (!old.query().equals(fresh.query())) {
      return "the query changed (this block or one before it)";
    }
    if (!old.kb().equals(fresh.kb())) {
      return "the knowledge base changed";
    }
    // The region's text was checked against its own hash already, so comparing hashes compares
    // texts.
    if (!old.result().equals(fresh.result())) {
      return "a fresh evaluation reads differently";
    }
    return "";
  }

  private static DocReport failed(String name, String message) {
    Diagnostic d =
        Diagnostic.error(DiagnosticCode.DOCUMENT, message, new SourceText(name, ""), Span.at(0));
    return new DocReport(new FileResult(name, List.of(), List.of(d)), List.of(), false, "");
  }
}
