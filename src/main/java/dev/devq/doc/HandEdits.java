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

  /** What git writes around the two sides of a conflict; a region holding one was merged. */
  private static final List<String> CONFLICT_MARKS =
      List.of("<<<<<<<", "|||||||", "=======", ">>>>>>>");

  /**
   * The refusal of region {@code r} of a document; {@code written} is the text devq would write in
   * it now, or null when no block owns it.
   */
  static Diagnostic refusal(
      SourceText document, List<Lines.Line> lines, MarkdownBlocks.Region r, String written) {
    int first = r.startLine() + 1;
    int end = r.endLine();
    String region = "lines " + (r.startLine() + 1) + "–" + (r.endLine() + 1);
    for (int i = first; i < end; i++) {
      if (isConflictMark(lines.get(i).content())) {
        return DocumentProblems.at(
                document,
                lines,
                i,
                "this result region holds a merge conflict; devq will not overwrite it",
                "")
            .withLabel("a conflict marker")
            .withNote(
                "results are written by devq doc, never merged: delete "
                    + region
                    + " (the whole region, both sides) and run devq doc to write it for the merged"
                    + " query");
      }
    }
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
   * Whether a line is one git writes around a conflict: the mark, alone or followed by a space and
   * a label. A line of seven {@code =} is also a Setext heading's underline, but never in a region
   * devq wrote, which holds fenced text and tables only.
   */
  static boolean isConflictMark(String line) {
    for (String mark : CONFLICT_MARKS) {
      if (line.equals(mark) || line.startsWith(mark + " ")) {
        return true;
      }
    }
    return false;
  }

  private static String normalized(List<String> wrote) {
    List<String> withBreaks = new ArrayList<>();
    wrote.forEach(l -> withBreaks.add(l + "\n"));
    return String.join("", withBreaks);
  }
}
