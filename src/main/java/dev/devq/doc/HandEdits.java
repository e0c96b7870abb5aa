package dev.devq.doc;

import dev.devq.lang.Diagnostic;
import dev.devq.lang.SourceText;
import java.util.ArrayList;
import java.util.List;

/**
 * The refusal of a result region whose text no longer matches its {@code r} hash, said at the line
 * the user changed rather than at the marker: a region can run to dozens of lines, and "edited by
 * hand" at its first line left the reader to find the change. The marker keeps only a hash of what
 * devq wrote, so the text is found again by evaluating the block: when the fresh text has that very
 * hash, it is what devq wrote, and the first line that differs is the edit. Otherwise (the query or
 * the knowledge base changed too) the refusal stays at the marker.
 */
final class HandEdits {
  private HandEdits() {}

  /**
   * The refusal of region {@code r} of a document; {@code written} is the text devq would write in
   * it now, or null when no block owns it.
   */
  static Diagnostic refusal(
      SourceText document, List<Lines.Line> lines, MarkdownBlocks.Region r, String written) {
    int first = r.startLine() + 1;
    int end = r.endLine();
    String region = "lines " + (r.startLine() + 1) + "–" + (r.endLine() + 1);
    List<String> wrote = written == null ? List.of() : List.of(written.split("\n"));
    ResultMarker marker = ResultMarker.parse(r.marker());
    if (written == null || !Hashes.of(normalized(wrote)).equals(marker.result())) {
      return DocumentProblems.at(
              document,
              lines,
              r.startLine(),
              "this result region was edited by hand; devq will not overwrite it",
              "")
          .withNote(
              region
                  + " are written by devq doc: move your text outside the region, or delete the"
                  + " region to have it written again");
    }
    int i = 0;
    while (first + i < end
        && i < wrote.size()
        && lines.get(first + i).content().equals(wrote.get(i))) {
      i++;
    }
    String label;
    if (first + i < end && i < wrote.size()) {
      label = "edited: devq wrote '" + wrote.get(i) + "'";
    } else if (first + i < end) {
      label = "added below what devq wrote";
    } else {
      label = "devq wrote more above this line, from '" + wrote.get(i) + "'";
    }
    return DocumentProblems.at(
            document,
            lines,
            first + i,
            "this result region was edited by hand; devq will not overwrite it",
            "")
        .withLabel(label)
        .withNote(
            "the region ("
                + region
                + ") is written by devq doc: move your text below its end marker on line "
                + (r.endLine() + 1)
                + ", or delete "
                + region
                + " and run devq doc to write it again");
  }

  /**
   * The refusal of a document git left a merge conflict in (a line opening one, later the line
   * closing it), at the opening line; null when there is none. Two branches that both ran devq doc
   * conflict around a result region's markers, and the region errors that follow from it (no end
   * marker, a stray end marker) named the symptom, not the cause.
   */
  static Diagnostic conflict(SourceText document, List<Lines.Line> lines) {
    return conflict(document, lines, "devq doc will not write it");
  }

  /**
   * {@link #conflict(SourceText, List)}, saying what the command will not do ({@code devq check
   * will not run it}): a conflict in prose or a result region is no syntax error, so a check would
   * pass a document no one merged.
   */
  static Diagnostic conflict(SourceText document, List<Lines.Line> lines, String refusal) {
    for (int i = 0; i < lines.size(); i++) {
      if (opensConflict(lines.get(i).content())) {
        for (int k = i + 1; k < lines.size(); k++) {
          if (closesConflict(lines.get(k).content())) {
            return DocumentProblems.at(
                    document,
                    lines,
                    i,
                    "this document holds an unresolved merge conflict; " + refusal,
                    "")
                .withLabel("the conflict runs to line " + (k + 1))
                .withNote(
                    "resolve it first; where it runs through a result region, delete the region"
                        + " (both sides, from <!-- devq:result through <!-- devq:end -->) and run"
                        + " devq doc to write it for the merged query");
          }
        }
      }
    }
    return null;
  }

  private static boolean opensConflict(String line) {
    return line.equals("<<<<<<<") || line.startsWith("<<<<<<< ");
  }

  private static boolean closesConflict(String line) {
    return line.equals(">>>>>>>") || line.startsWith(">>>>>>> ");
  }

  private static String normalized(List<String> wrote) {
    List<String> withBreaks = new ArrayList<>();
    wrote.forEach(l -> withBreaks.add(l + "\n"));
    return String.join("", withBreaks);
  }
}
