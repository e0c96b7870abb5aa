package dev.devq.doc;

import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What stops {@code devq doc} from writing a document safely: a devq block it cannot put a result
 * under, and result regions it did not write as they stand (edited by hand, marker damaged, end
 * marker missing, an end marker with no region). Each is an error at the document line, and the
 * document is left as it is.
 */
final class DocumentProblems {
  private DocumentProblems() {}

  /**
   * The problems of a document; {@code written} gives the text devq would write in a region now
   * (its lines between the markers), from which a hand edit is found line by line.
   */
  static List<Diagnostic> find(
      SourceText document,
      List<Lines.Line> lines,
      MarkdownBlocks.Parsed parsed,
      Function<MarkdownBlocks.Region, String> written) {
    Diagnostic conflict = HandEdits.conflict(document, lines);
    if (conflict != null) {
      return List.of(conflict); // what else is wrong follows from it
    }
    List<Diagnostic> out = new ArrayList<>();
    for (MarkdownBlocks.Block b : parsed.blocks()) {
      if (!b.topLevel()) {
        out.add(
            at(
                document,
                lines,
                b.openLine(),
                "a devq block inside a list or block quote cannot hold a result",
                "move the block to the top level of the document"));
      } else if (!b.closed()) {
        out.add(
            at(
                document,
                lines,
                b.openLine(),
                "this devq block is never closed",
                "end it with a closing fence, or a result written under it would become part of it"));
      }
    }
    for (MarkdownBlocks.Region r : parsed.regions()) {
      ResultMarker marker = ResultMarker.parse(r.marker());
      if (!r.closed()) {
        out.add(
            at(
                document,
                lines,
                r.startLine(),
                "this result region has no end marker",
                "restore the line "
                    + ResultMarker.END
                    + " after the result, or delete the region to have it written again"));
      } else if (marker == null) {
        out.add(
            at(
                document,
                lines,
                r.startLine(),
                "this result marker is not one devq wrote",
                "expected "
                    + ResultMarker.START
                    + " q=… kb=… r=… -->; delete the region to have it written again"));
      } else if (!Hashes.of(Lines.normalized(lines, r.startLine() + 1, r.endLine()))
          .equals(marker.result())) {
        out.add(HandEdits.refusal(document, lines, r, r.owner() < 0 ? null : written.apply(r)));
      }
    }
    for (int end : parsed.strayEnds()) {
      // its opening marker was most likely deleted: writing a fresh region above would leave the
      // old result text and this line behind as if they were the user's
      out.add(
          at(
              document,
              lines,
              end,
              "this end marker closes no result region: no "
                  + ResultMarker.START
                  + " … --> line opens one above it",
              "delete the line (and the old result above it, if its opening marker was removed);"
                  + " devq doc writes each block's region, both markers included"));
    }
    return out;
  }

  static Diagnostic at(
      SourceText document, List<Lines.Line> lines, int line, String message, String note) {
    int offset = 0;
    for (int i = 0; i < line; i++) {
      offset += lines.get(i).text().length();
    }
    return Diagnostic.error(
            DiagnosticCode.DOCUMENT,
            message,
            document,
            new Span(offset, offset + lines.get(line).content().length()))
        .withNote(note);
  }
}
