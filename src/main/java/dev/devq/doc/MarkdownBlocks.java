package dev.devq.doc;

import dev.devq.lang.SourceText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Finds the {@code ```devq} blocks of a Markdown document with commonmark-java (never regular
 * expressions), keeping each block's line in the document so errors point at the document.
 * A fence {@code ```devq file=queries/camera.devq} stands for that file, relative to the document.
 */
public final class MarkdownBlocks {
  private static final Parser PARSER = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();

  private MarkdownBlocks() {}

  /** A devq fence: its body, the document line of its first body line, and its info string. */
  public record Fence(String info, String body, int firstBodyLine, int startLine, int endLine, String fileArg) {}

  public static List<Fence> fences(String text) {
    Node doc = PARSER.parse(text);
    List<Fence> out = new ArrayList<>();
    doc.accept(new AbstractVisitor() {
      @Override
      public void visit(FencedCodeBlock block) {
        String info = block.getInfo() == null ? "" : block.getInfo().strip();
        String[] words = info.split("\\s+");
        if (words.length > 0 && words[0].equals("devq")) {
          List<SourceSpan> spans = block.getSourceSpans();
          int start = spans.isEmpty() ? 0 : spans.get(0).getLineIndex();
          int end = spans.isEmpty() ? 0 : spans.get(spans.size() - 1).getLineIndex();
          String file = "";
          for (String w : words) {
            if (w.startsWith("file=")) {
              file = w.substring(5);
            }
          }
          out.add(new Fence(info, block.getLiteral(), start + 2, start, end, file));
        }
      }
    });
    return out;
  }

  /** The blocks to run, and a diagnostic for every {@code file=} that cannot be read. */
  record Found(List<QueryBlock> blocks, List<dev.devq.lang.Diagnostic> diagnostics) {}

  static Found find(String name, String text, Path dir) {
    List<QueryBlock> blocks = new ArrayList<>();
    List<dev.devq.lang.Diagnostic> problems = new ArrayList<>();
    SourceText document = new SourceText(name, text);
    for (Fence f : fences(text)) {
      if (!f.fileArg().isEmpty()) {
        Path file = (dir == null ? Path.of(".") : dir).resolve(f.fileArg());
        try {
          String body = Files.readString(file, StandardCharsets.UTF_8);
          blocks.add(new QueryBlock(file.toString(), new SourceText(file.toString(), body)));
        } catch (IOException e) {
          int at = text.indexOf("file=" + f.fileArg(), lineOffset(text, f.startLine()));
          problems.add(dev.devq.lang.Diagnostic.error(dev.devq.lang.DiagnosticCode.IO,
              "cannot read the query file '" + f.fileArg() + "'", document,
              new dev.devq.lang.Span(Math.max(0, at), Math.max(0, at) + 5 + f.fileArg().length()))
              .withNote("the path is relative to the document: " + file));
        }
      } else {
        blocks.add(new QueryBlock(name, new SourceText(name, f.body(), f.firstBodyLine())));
      }
    }
    return new Found(blocks, problems);
  }

  private static int lineOffset(String text, int lineIndex) {
    int offset = 0;
    for (int i = 0; i < lineIndex && offset >= 0; i++) {
      offset = text.indexOf('\n', offset) + 1;
    }
    return Math.max(0, offset);
  }
}
