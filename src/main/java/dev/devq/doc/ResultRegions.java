package dev.devq.doc;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of a result region and the line edits that put regions into a document. Only the lines
 * of an edit change; every other line is copied with its own line break, so a CRLF document stays
 * CRLF and a document without a final line break keeps lacking one.
 */
final class ResultRegions {
  private ResultRegions() {}

  /**
   * Lines {@code [from, to)} replaced by {@code lines} (given without breaks); an insertion when
   * from == to.
   */
  record Edit(int from, int to, List<String> lines) {
    Edit {
      lines = List.copyOf(lines);
    }
  }

  /** One outcome in a region: text, or a Markdown table (a {@code table} query's result). */
  record Part(String text, boolean table) {}

  /**
   * What goes between the markers: runs of text outcomes as a fenced {@code text} block, which
   * GitHub and every other renderer shows verbatim, and each table as a Markdown table between
   * them. A fence is longer than any backtick run inside, so no label or value can close it early.
   */
  static String inner(List<Part> outcomes) {
    if (outcomes.isEmpty()) {
      return fenced("(no statements)");
    }
    List<String> chunks = new ArrayList<>();
    List<String> run = new ArrayList<>();
    for (Part p : outcomes) {
      if (p.table()) {
        if (!run.isEmpty()) {
          chunks.add(fenced(String.join("\n", run)));
          run.clear();
        }
        chunks.add(p.text());
      } else {
        run.add(p.text());
      }
    }
    if (!run.isEmpty()) {
      chunks.add(fenced(String.join("\n", run)));
    }
    return String.join("\n", chunks);
  }

  private static String fenced(String body) {
    String fence = "`".repeat(Math.max(3, longestBacktickRun(body) + 1));
    return fence + "text\n" + body + "\n" + fence + "\n";
  }

  /** The region's lines: marker, inner text, end marker. */
  static List<String> lines(ResultMarker marker, String inner) {
    List<String> out = new ArrayList<>();
    out.add(marker.line());
    out.addAll(List.of(inner.split("\n")));
    out.add(ResultMarker.END);
    return out;
  }

  /** Applies edits sorted by position and not overlapping. */
  static String apply(List<Lines.Line> lines, List<Edit> edits) {
    String eol = Lines.lineBreak(lines);
    var out = new StringBuilder();
    int i = 0;
    for (Edit e : edits) {
      for (; i < e.from(); i++) {
        out.append(lines.get(i).text());
      }
      String lineBreak;
      String last;
      if (e.to() > e.from()) {
        String own = lines.get(e.from()).terminator();
        lineBreak = own.isEmpty() ? eol : own;
        last = lines.get(e.to() - 1).terminator();
      } else {
        String before = e.from() > 0 ? lines.get(e.from() - 1).terminator() : eol;
        if (before.isEmpty()) {
          // Inserting after a last line that has no break: give it one, and keep the file's end
          // bare.
          out.append(eol);
          lineBreak = eol;
          last = "";
        } else {
          lineBreak = before;
          last = before;
        }
      }
      for (int k = 0; k < e.lines().size(); k++) {
        out.append(e.lines().get(k)).append(k == e.lines().size() - 1 ? last : lineBreak);
      }
      i = e.to();
    }
    for (; i < lines.size(); i++) {
      out.append(lines.get(i).text());
    }
    return out.toString();
  }

  private static int longestBacktickRun(String s) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      run = s.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return longest;
  }
}
