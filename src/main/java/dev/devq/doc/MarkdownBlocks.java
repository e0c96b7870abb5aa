package dev.devq.doc;

import dev.devq.lang.Diagnostic;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Document;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Finds the {@code ```devq} blocks of a Markdown document and the result regions devq wrote under
 * them, with commonmark-java and its source positions (never regular expressions), so a fence
 * inside a quote, an HTML comment in a code block or a four-backtick fence are read as Markdown
 * reads them. A fence {@code ```devq file=queries/camera.devq} stands for that file, relative to
 * the document.
 */
final class MarkdownBlocks {
  private static final Parser PARSER =
      Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();

  private MarkdownBlocks() {}

  /**
   * A devq fence. Lines are 0-based indexes into {@link Lines#split}; {@code closeLine} is the
   * closing fence (the last line of the document when the fence is never closed). {@code plot}
   * marks a {@code ```devq plot} fence, whose body is drawn rather than run ({@link PlotFences}).
   */
  record Block(
      int openLine,
      int closeLine,
      boolean closed,
      boolean topLevel,
      String literal,
      String fileArg,
      boolean plot) {
    /** The 1-based document line of the first line of the block's body. */
    int firstBodyLine() {
      return openLine + 2;
    }
  }

  /**
   * A result region: the marker line through the end marker, inclusive. {@code owner} is the index
   * of the block right above it, or -1 when no devq block is (the block was moved or deleted).
   */
  record Region(int owner, int startLine, int endLine, boolean closed, String marker) {}

  /**
   * The blocks, the regions, and the 0-based lines of top-level end markers that close no region
   * (its opening marker was deleted, or the line was copied): {@link DocumentProblems} refuses
   * them.
   */
  record Parsed(List<Block> blocks, List<Region> regions, List<Integer> strayEnds) {
    Parsed {
      blocks = List.copyOf(blocks);
      regions = List.copyOf(regions);
      strayEnds = List.copyOf(strayEnds);
    }
  }

  static Parsed parse(String text) {
    Node doc = PARSER.parse(FrontMatter.masked(text));
    List<Block> blocks = new ArrayList<>();
    List<Region> regions = new ArrayList<>();
    List<Integer> ends = new ArrayList<>();
    doc.accept(
        new AbstractVisitor() {
          @Override
          public void visit(FencedCodeBlock fence) {
            if (isDevq(fence)) {
              blocks.add(block(fence));
              if (fence.getParent() instanceof Document
                  && fence.getNext() instanceof HtmlBlock html
                  && ResultMarker.opens(html.getLiteral())) {
                regions.add(region(blocks.size() - 1, html));
              }
            }
          }

          @Override
          public void visit(HtmlBlock html) {
            if (!(html.getParent() instanceof Document)) {
              return;
            }
            if (ResultMarker.opens(html.getLiteral())
                && !(html.getPrevious() instanceof FencedCodeBlock f && isDevq(f))) {
              regions.add(region(-1, html));
            } else if (ResultMarker.closes(html.getLiteral())) {
              ends.add(lastLine(html));
            }
          }
        });
    regions.sort(Comparator.comparingInt(Region::startLine));
    for (Region r : regions) {
      if (r.closed()) {
        ends.remove(Integer.valueOf(r.endLine()));
      }
    }
    return new Parsed(blocks, regions, ends);
  }

  private static boolean isDevq(FencedCodeBlock fence) {
    String[] words = info(fence);
    return words.length > 0 && namesDevq(words[0]);
  }

  /**
   * Whether a fence's first word names devq: in any case, as {@code ```Python} names Python where
   * Markdown is rendered, so a {@code ```Devq} block is run rather than skipped without a word.
   */
  static boolean namesDevq(String word) {
    return word.equalsIgnoreCase("devq");
  }

  private static String[] info(FencedCodeBlock fence) {
    String info = fence.getInfo() == null ? "" : fence.getInfo().strip();
    return info.isEmpty() ? new String[0] : info.split("\\s+");
  }

  private static Block block(FencedCodeBlock fence) {
    String file = "";
    boolean plot = PlotFences.isPlot(info(fence));
    for (String w : info(fence)) {
      if (w.startsWith("file=") && !plot) {
        file = w.substring("file=".length());
      }
    }
    return new Block(
        firstLine(fence),
        lastLine(fence),
        fence.getClosingFenceLength() != null,
        fence.getParent() instanceof Document,
        fence.getLiteral(),
        file,
        plot);
  }

  /**
   * The region opened by a marker runs to the next end marker, and no further than the next block.
   */
  private static Region region(int owner, HtmlBlock marker) {
    for (Node n = marker.getNext(); n != null; n = n.getNext()) {
      if (n instanceof HtmlBlock html && ResultMarker.closes(html.getLiteral())) {
        return new Region(owner, firstLine(marker), lastLine(n), true, marker.getLiteral());
      }
      if (n instanceof HtmlBlock html && ResultMarker.opens(html.getLiteral())
          || n instanceof FencedCodeBlock f && isDevq(f)) {
        break;
      }
    }
    return new Region(owner, firstLine(marker), lastLine(marker), false, marker.getLiteral());
  }

  private static int firstLine(Node n) {
    List<SourceSpan> spans = n.getSourceSpans();
    return spans.isEmpty() ? 0 : spans.get(0).getLineIndex();
  }

  private static int lastLine(Node n) {
    List<SourceSpan> spans = n.getSourceSpans();
    return spans.isEmpty() ? 0 : spans.get(spans.size() - 1).getLineIndex();
  }

  /**
   * The query text of every block, in order and one per block: inline text numbered with the
   * document's lines, or the embedded file; a file that cannot be read gives empty text and a
   * diagnostic at its {@code file=} argument.
   */
  record Found(List<QueryBlock> blocks, List<Diagnostic> diagnostics) {
    Found {
      blocks = List.copyOf(blocks);
      diagnostics = List.copyOf(diagnostics);
    }
  }

  static Found find(String name, String text, Path dir, Path root, Parsed parsed) {
    List<QueryBlock> blocks = new ArrayList<>();
    List<Diagnostic> problems = new ArrayList<>();
    SourceText document = new SourceText(name, text);
    int[] offsets = lineOffsets(text);
    for (Block b : parsed.blocks()) {
      List<Diagnostic> fence =
          b.plot()
              ? List.of()
              : QueryFenceOptions.problems(
                  PlotFences.fenceLine(document, offsets, b.openLine()), b.literal());
      if (!fence.isEmpty()) {
        // as for a file that cannot be read: the block runs nothing, and the document is refused
        blocks.add(new QueryBlock(name, new SourceText(name, "")));
        problems.addAll(fence);
        continue;
      }
      if (b.fileArg().isEmpty()) {
        var body = new SourceText(name, b.literal(), b.firstBodyLine());
        blocks.add(
            b.plot()
                ? new QueryBlock(
                    name, body, true, PlotFences.fenceLine(document, offsets, b.openLine()))
                : new QueryBlock(name, body));
        continue;
      }
      // shown as the user would reach it: docs/../queries/camera.devq read as queries/camera.devq
      Path file = (dir == null ? Path.of("") : dir).resolve(b.fileArg()).normalize();
      try {
        String query = EmbeddedQueryFile.read(dir, root, b.fileArg());
        blocks.add(new QueryBlock(file.toString(), new SourceText(file.toString(), query)));
      } catch (EmbeddedQueryFile.Refused e) {
        blocks.add(new QueryBlock(file.toString(), new SourceText(file.toString(), "")));
        int lineStart = lineOffset(offsets, b.openLine());
        int at = Math.max(lineStart, text.indexOf("file=" + b.fileArg(), lineStart));
        problems.add(
            e.problem("cannot read the query file '" + b.fileArg() + "': it")
                .at(document, new Span(at, at + "file=".length() + b.fileArg().length()))
                .withNote(
                    Path.of(b.fileArg()).isAbsolute()
                        ? "name the query file relative to the document, not by an absolute path"
                        : "the path is relative to the document: " + file));
      }
    }
    return new Found(blocks, problems);
  }

  static Found find(String name, String text, Path dir, Path root) {
    return find(name, text, dir, root, parse(text));
  }

  /**
   * The offset where each 0-based line starts, counting breaks as commonmark does, and the text's
   * length after the last: worked out once per document, since a document of 8,000 blocks split
   * itself again for each (15 s).
   */
  static int[] lineOffsets(String text) {
    List<Lines.Line> lines = Lines.split(text);
    int[] offsets = new int[lines.size() + 1];
    for (int i = 0; i < lines.size(); i++) {
      offsets[i + 1] = offsets[i] + lines.get(i).text().length();
    }
    return offsets;
  }

  /** Where line {@code lineIndex} starts in {@link #lineOffsets}, or the end past the last. */
  static int lineOffset(int[] offsets, int lineIndex) {
    return offsets[Math.min(lineIndex, offsets.length - 1)];
  }
}
