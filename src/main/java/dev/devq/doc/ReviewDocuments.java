package dev.devq.doc;

import dev.devq.Bindings;
import dev.devq.Devq;
import dev.devq.Outcome;
import dev.devq.Run;
import dev.devq.lang.AtomicReplace;
import dev.devq.lang.Diagnostic;
import dev.devq.lang.SourceText;
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
    Read read;
    try {
      read = read(path);
    } catch (InputPath.Unreadable e) {
      return failed(name, e.problem().atStart(name));
    } catch (UserFile.Refused e) {
      return failed(name, InputPath.refused(name, e));
    }
    SourceText document = new SourceText(name, read.text());
    Diagnostic tooDeep = MarkdownDepth.check(document);
    if (tooDeep != null) {
      return new DocReport(new FileResult(name, List.of(), List.of(tooDeep)), List.of(), false, "");
    }
    Evaluated evaluated = evaluate(devq, path, root, document);
    if (!evaluated.result().diagnostics().isEmpty()) {
      return new DocReport(evaluated.result(), List.of(), false, "");
    }
    Plan plan = plan(devq, evaluated);
    if (!write) {
      return new DocReport(evaluated.result(), plan.stale(), false, "");
    }
    return write(path, read, evaluated, plan, io);
  }

  /** A document as read: its bytes, and its text without the byte-order mark it may start with. */
  private record Read(byte[] bytes, String bom, String text) {}

  /**
   * The document's blocks, evaluated in order (sharing bindings), with every problem found: the
   * result, each block's outcomes, and what the rest needs of the parse.
   */
  private record Evaluated(
      FileResult result,
      List<List<Outcome>> perBlock,
      List<Lines.Line> lines,
      MarkdownBlocks.Parsed parsed,
      MarkdownBlocks.Found found,
      PlotFences fences) {}

  /** What writing the document changes: the stale results, their edits and the figures to draw. */
  private record Plan(
      List<DocReport.Stale> stale, List<ResultRegions.Edit> edits, List<Integer> drawn) {}

  private static Read read(Path path) throws InputPath.Unreadable, UserFile.Refused {
    byte[] bytes = InputPath.bytes(path, path.toString(), UserFile.MAX_BYTES);
    String text = UserFile.decode(bytes);
    // A byte-order mark would hide a fence on the first line from the Markdown parser; it is put
    // back when the document is written.
    String bom = text.startsWith(UserFile.BOM) ? UserFile.BOM : "";
    return new Read(bytes, bom, text.substring(bom.length()));
  }

  private static Evaluated evaluate(Devq devq, Path path, Path root, SourceText document) {
    String name = document.name();
    String text = document.text();
    List<Lines.Line> lines = Lines.split(text);
    MarkdownBlocks.Parsed parsed = MarkdownBlocks.parse(text);
    MarkdownBlocks.Found found = MarkdownBlocks.find(name, text, path.getParent(), root, parsed);
    List<Diagnostic> problems = new ArrayList<>(found.diagnostics());

    List<Outcome> outcomes = new ArrayList<>();
    List<List<Outcome>> perBlock = new ArrayList<>();
    List<Diagnostic> warnings = new ArrayList<>();
    Bindings bindings = Bindings.EMPTY;
    var fences = new PlotFences(devq, path);
    for (QueryBlock block : found.blocks()) {
      Run run = fences.run(block, bindings);
      bindings = run.bindings();
      perBlock.add(run.outcomes());
      outcomes.addAll(run.outcomes());
      problems.addAll(run.diagnostics());
      warnings.addAll(run.warnings());
    }
    // the document's own problems come first; a hand edit is found by what the blocks give now
    problems.addAll(
        0,
        DocumentProblems.find(
            document, lines, parsed, r -> inner(fences, r.owner(), perBlock.get(r.owner()))));
    Run whole = new Run(bindings, List.of(), problems, warnings).ended();
    return new Evaluated(
        new FileResult(name, outcomes, whole.diagnostics(), whole.warnings()),
        perBlock,
        lines,
        parsed,
        found,
        fences);
  }

  /**
   * The results that are stale (or missing) and the regions no block owns any more, each with the
   * edit that brings it up to date, in document order.
   */
  private static Plan plan(Devq devq, Evaluated e) {
    List<DocReport.Stale> stale = new ArrayList<>();
    List<ResultRegions.Edit> edits = new ArrayList<>();
    List<Integer> drawn = new ArrayList<>();
    String query = "";
    // whether the blocks above this one read as their results were written: the first block has
    // none above it; a block above with no result yet leaves it unknown
    Boolean aboveUnchanged = true;
    for (int b = 0; b < e.parsed().blocks().size(); b++) {
      QueryBlock block = e.found().blocks().get(b);
      query = Hashes.chain(query, PlotFences.queryText(block));
      String inner = inner(e.fences(), b, e.perBlock().get(b));
      var marker =
          new ResultMarker(
              query.substring(0, Hashes.LENGTH),
              devq.version(),
              devq.overlays().isEmpty() ? "" : devq.shippedVersion(),
              Hashes.of(inner));
      MarkdownBlocks.Block fence = e.parsed().blocks().get(b);
      MarkdownBlocks.Region region = regionOf(e.parsed(), b);
      KnowledgeBaseChange.Reason reason =
          region == null
              ? new KnowledgeBaseChange.Reason("no result yet", false)
              : staleness(
                  marker,
                  ResultMarker.parse(region.marker()),
                  devq,
                  queryChange(fence, aboveUnchanged));
      String why = reason.text().isEmpty() ? e.fences().staleness(b) : reason.text();
      aboveUnchanged =
          region == null
              ? null
              : Boolean.valueOf(ResultMarker.parse(region.marker()).query().equals(marker.query()));
      if (!why.isEmpty()) {
        stale.add(new DocReport.Stale(fence.openLine() + 1, why, false, reason.overlays()));
        int from = region == null ? fence.closeLine() + 1 : region.startLine();
        int to = region == null ? from : region.endLine() + 1;
        edits.add(new ResultRegions.Edit(from, to, ResultRegions.lines(marker, inner)));
        drawn.add(b);
      }
    }
    for (MarkdownBlocks.Region orphan : e.parsed().regions()) {
      if (orphan.owner() < 0) {
        stale.add(
            new DocReport.Stale(orphan.startLine() + 1, "no devq block right above it", true));
        edits.add(new ResultRegions.Edit(orphan.startLine(), orphan.endLine() + 1, List.of()));
      }
    }
    edits.sort((x, y) -> Integer.compare(x.from(), y.from()));
    // a region left behind is said in its place among the others, not after them all
    stale.sort((x, y) -> Integer.compare(x.line(), y.line()));
    return new Plan(stale, edits, drawn);
  }

  /**
   * Draws the stale figures, then replaces the document (only if it still holds what was read),
   * then deletes the figures no fence links any more; a failure leaves the document as it was.
   */
  private static DocReport write(
      Path path, Read read, Evaluated e, Plan plan, AtomicReplace.Io io) {
    String name = path.toString();
    try {
      if (!plan.edits().isEmpty()) {
        // figures first, so the document never links one that is not there
        for (int b : plan.drawn()) {
          if (e.fences().owns(b)) {
            e.fences().write(b);
          }
        }
        AtomicFile.replace(
            path,
            read.bytes(),
            (read.bom() + ResultRegions.apply(e.lines(), plan.edits()))
                .getBytes(StandardCharsets.UTF_8),
            io);
      }
      // and the figures no fence links any more last, once the document no longer links them
      e.fences().deleteUnlinked();
    } catch (AtomicFile.Changed c) {
      return new DocReport(e.result(), plan.stale(), false, c.getMessage());
    } catch (IOException x) {
      return new DocReport(
          e.result(),
          plan.stale(),
          false,
          "cannot write " + name + ": " + AtomicFile.reason(x) + "; the document is unchanged");
    }
    return new DocReport(e.result(), plan.stale(), !plan.edits().isEmpty(), "");
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

  /** What block {@code b}'s region holds between its markers: its figure link, or its outcomes. */
  private static String inner(PlotFences fences, int b, List<Outcome> outcomes) {
    if (fences.owns(b)) {
      return fences.inner(b);
    }
    List<ResultRegions.Part> parts = new ArrayList<>();
    outcomes.forEach(o -> parts.add(resultPart(o)));
    return ResultRegions.inner(parts);
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

  /**
   * What changed when a block's chained query hash differs, said as precisely as the hashes tell:
   * the block itself (or the query file it embeds) when the blocks above still read as written, a
   * block above when one of them changed too (its {@code let} bindings reach this one), either when
   * a block above has no result to compare with ({@code aboveUnchanged} null).
   */
  private static String queryChange(MarkdownBlocks.Block fence, Boolean aboveUnchanged) {
    if (aboveUnchanged == null) {
      return "the query changed (this block or one before it)";
    }
    if (!aboveUnchanged) {
      return "a block above it changed (its let bindings may reach this one)";
    }
    return fence.fileArg().isEmpty()
        ? "this block's query changed"
        : "its query file " + fence.fileArg() + " changed";
  }

  /**
   * Why a written result no longer fits its block, or empty when it is fresh: its query ({@code
   * queryChange} says what changed), the knowledge base, or the result read afresh.
   */
  private static KnowledgeBaseChange.Reason staleness(
      ResultMarker fresh, ResultMarker old, Devq devq, String queryChange) {
    if (!old.kb().equals(fresh.kb()) && old.query().equals(fresh.query())) {
      return KnowledgeBaseChange.of(old, devq);
    }
    String why = "";
    if (!old.query().equals(fresh.query())) {
      why = queryChange;
    } else if (!old.result().equals(fresh.result())) {
      // The region's text was checked against its own hash already, so comparing hashes compares
      // texts.
      why = "a fresh evaluation reads differently";
    }
    return new KnowledgeBaseChange.Reason(why, false);
  }

  private static DocReport failed(String name, Diagnostic d) {
    return new DocReport(new FileResult(name, List.of(), List.of(d)), List.of(), false, "");
  }
}
