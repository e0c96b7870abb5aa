package dev.devq.doc;

import java.util.ArrayList;
import java.util.List;

/**
 * A document cut into lines that keep their own terminators, so that joining them gives back the
 * exact text. Lines break at {@code \n}, {@code \r\n} and a lone {@code \r}, as commonmark-java
 * breaks them, so its 0-based line indexes address this list directly.
 */
final class Lines {
  private Lines() {}

  /** One line: its text without the break, and the break itself ("" on a last line without one). */
  record Line(String content, String terminator) {
    String text() {
      return content + terminator;
    }
  }

  static List<Line> split(String text) {
    List<Line> out = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        int end = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? i + 2 : i + 1;
        out.add(new Line(text.substring(start, i), text.substring(i, end)));
        start = end;
        i = end;
      } else {
        i++;
      }
    }
    if (start < text.length()) {
      out.add(new Line(text.substring(start), ""));
    }
    return out;
  }

  /**
   * The line break new lines get: the first one the document uses, so a CRLF document stays CRLF;
   * {@code \n} for a document of one line.
   */
  static String lineBreak(List<Line> lines) {
    for (Line l : lines) {
      if (!l.terminator().isEmpty()) {
        return l.terminator();
      }
    }
    return "\n";
  }

  /** The text of lines {@code [from, to)} with every break written as {@code \n}, for hashing. */
  static String normalized(List<Line> lines, int from, int to) {
    var out = new StringBuilder();
    for (int i = from; i < to; i++) {
      out.append(lines.get(i).content()).append('\n');
    }
    return out.toString();
  }
}
