package dev.devq.lang;

import java.util.function.Supplier;

/**
 * A named piece of text (a query, a file, a YAML document) with the line table that turns offsets
 * into 1-based {@code line:column} positions.
 *
 * <p>Columns count code points, so a {@code µ} or an emoji before an error does not shift the
 * caret. {@code firstLine} lets a query embedded in a Markdown block report the document's lines.
 */
public final class SourceText {
  private final String name;

  /** The text, null until {@link #lazyText} gives it. */
  private volatile String text;

  private final Supplier<String> lazyText;
  private final int firstLine;

  /**
   * The line table, made on first use: most texts never report a position (every profile file a
   * start reads from the snapshot), and scanning them all was a large part of a start.
   */
  private volatile Tables tables;

  /**
   * The offset of each line's start, and the UTF-16 offset of each code point (null when the text
   * has no surrogate pairs).
   */
  private record Tables(int[] lineStarts, int[] codePointOffsets) {}

  public SourceText(String name, String text) {
    this(name, text, 1);
  }

  public SourceText(String name, String text, int firstLine) {
    this.name = name;
    this.text = text;
    this.lazyText = () -> text;
    this.firstLine = firstLine;
  }

  /**
   * A text made when first asked for: the snapshot holds about 100 profile files (730 KB), and
   * decoding them all took a start ~15 ms of the thread every command waits for, though most starts
   * never read them. {@code text} must give equal strings however often it is asked.
   */
  public SourceText(String name, Supplier<String> text, int firstLine) {
    this.name = name;
    this.lazyText = text;
    this.firstLine = firstLine;
  }

  /** Made at most a few times (threads racing make equal tables), then read. */
  private Tables tables() {
    Tables t = tables;
    if (t == null) {
      String all = text();
      t = new Tables(lineStarts(all), codePointOffsets(all));
      tables = t;
    }
    return t;
  }

  /**
   * Where each line starts. A line ends at {@code \n}, {@code \r\n} or a lone {@code \r}, as
   * Markdown (commonmark) ends it: a file saved with old Mac line endings is not one long line.
   */
  private static int[] lineStarts(String text) {
    int lines = 1;
    for (int i = 0; i < text.length(); i++) {
      if (endsLine(text, i)) {
        lines++;
      }
    }
    int[] starts = new int[lines];
    int line = 1;
    for (int i = 0; i < text.length(); i++) {
      if (endsLine(text, i)) {
        starts[line++] = i + 1;
      }
    }
    return starts;
  }

  /** Whether the character at {@code i} is the last of a line break. */
  private static boolean endsLine(String text, int i) {
    char c = text.charAt(i);
    return c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n');
  }

  /** Whether {@code text} holds a line break: {@code \n}, {@code \r\n} or a lone {@code \r}. */
  public static boolean hasLineBreak(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n' || text.charAt(i) == '\r') {
        return true;
      }
    }
    return false;
  }

  private static int[] codePointOffsets(String text) {
    if (text.codePointCount(0, text.length()) == text.length()) {
      return null;
    }
    int[] offsets = text.codePoints().map(Character::charCount).toArray();
    // prefix sums: turn each code point's width into its starting offset
    int offset = 0;
    for (int i = 0; i < offsets.length; i++) {
      int width = offsets[i];
      offsets[i] = offset;
      offset += width;
    }
    return offsets;
  }

  /**
   * The UTF-16 offset of the code point with this index. ANTLR counts positions in code points,
   * Java strings and {@link Span}s in UTF-16 units; they differ after an emoji or another character
   * outside the Basic Multilingual Plane.
   */
  public int offsetOfCodePoint(int index) {
    int[] codePointOffsets = tables().codePointOffsets();
    if (codePointOffsets == null || index <= 0) {
      return Math.max(0, Math.min(index, text().length()));
    }
    return index >= codePointOffsets.length ? text().length() : codePointOffsets[index];
  }

  public String name() {
    return name;
  }

  public String text() {
    String t = text;
    if (t == null) {
      t = lazyText.get(); // threads racing get equal strings
      text = t;
    }
    return t;
  }

  /** The text a span covers. */
  public String slice(Span span) {
    String all = text();
    return all.substring(Math.min(span.start(), all.length()), Math.min(span.end(), all.length()));
  }

  /** 1-based line of an offset, counting from {@code firstLine}. */
  public int line(int offset) {
    return lineIndex(offset) + firstLine;
  }

  /** 1-based column of an offset, in code points. */
  public int column(int offset) {
    int index = lineIndex(offset);
    String all = text();
    int clamped = Math.min(offset, all.length());
    return all.codePointCount(tables().lineStarts()[index], clamped) + 1;
  }

  /** The text of the line holding an offset, without its line break. */
  public String lineText(int offset) {
    int index = lineIndex(offset);
    int[] lineStarts = tables().lineStarts();
    int start = lineStarts[index];
    String all = text();
    int end = index + 1 < lineStarts.length ? lineStarts[index + 1] : all.length();
    while (end > start && (all.charAt(end - 1) == '\n' || all.charAt(end - 1) == '\r')) {
      end--;
    }
    return all.substring(start, Math.max(start, end));
  }

  /**
   * The offset of a 1-based line (counted from the text's start) and 1-based column in code points,
   * the position a YAML reader reports; a line or column past the end is clamped to it. A lone
   * {@code \r} ends a line here as everywhere in this class.
   */
  public int offsetOfLineColumn(int line, int column) {
    int[] lineStarts = tables().lineStarts();
    String all = text();
    if (line > lineStarts.length) {
      return all.length();
    }
    int index = Math.max(0, line - 1);
    int start = lineStarts[index];
    int end = index + 1 < lineStarts.length ? lineStarts[index + 1] : all.length();
    int within = Math.max(0, Math.min(column - 1, all.codePointCount(start, end)));
    return all.offsetByCodePoints(start, within);
  }

  /** Offset of the start of the line holding an offset. */
  public int lineStart(int offset) {
    return tables().lineStarts()[lineIndex(offset)];
  }

  /** {@code name:line:column} of an offset, the form every diagnostic starts with. */
  public String position(int offset) {
    return name + ":" + line(offset) + ":" + column(offset);
  }

  private int lineIndex(int offset) {
    int clamped = Math.max(0, Math.min(offset, text().length()));
    int[] lineStarts = tables().lineStarts();
    int lo = 0;
    int hi = lineStarts.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (lineStarts[mid] <= clamped) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }
}
