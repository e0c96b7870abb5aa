package dev.devq.lang;

/**
 * A half-open range {@code [start, end)} of UTF-16 offsets into one {@link SourceText}.
 *
 * <p>Offsets stay in UTF-16 units because that is what Java strings and ANTLR use; only {@link
 * SourceText} turns them into 1-based line:column positions counted in code points.
 */
public record Span(int start, int end) {
  public Span {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
    }
  }

  /** A zero-width span at an offset, used for "expected …" errors at the end of input. */
  public static Span at(int offset) {
    return new Span(offset, offset);
  }

  /** The smallest span covering both. */
  public Span to(Span other) {
    return new Span(Math.min(start, other.start), Math.max(end, other.end));
  }

  public int length() {
    return end - start;
  }
}
