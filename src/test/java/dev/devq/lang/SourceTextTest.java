package dev.devq.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Positions in a text: lines from its first line, columns in code points, each line's text. */
class SourceTextTest {
  @Test
  void linesColumnsAndLineTexts() {
    var t = new SourceText("f.yaml", "a: 1\r\nbb: 2\n\nccc", 10);
    assertEquals("f.yaml:10:1", t.position(0));
    assertEquals("f.yaml:11:2", t.position(7));
    assertEquals("bb: 2", t.lineText(7));
    assertEquals("a: 1", t.lineText(3));
    assertEquals("", t.lineText(12));
    assertEquals(13, t.line(14));
    assertEquals(13, t.lineStart(15));
    assertEquals("f.yaml:13:4", t.position(99)); // past the end: the end
    assertEquals(10, t.line(-5));
  }

  /**
   * A lone carriage return ends a line, as in Markdown: a file saved with old Mac line endings was
   * one line, its errors echoed with raw returns that overwrote the line on a terminal.
   */
  @Test
  void aLoneCarriageReturnEndsALine() {
    var t = new SourceText("q.devq", "let x = 1\rx < 2\r\ny\r");
    assertEquals("q.devq:2:1", t.position(10));
    assertEquals("x < 2", t.lineText(10));
    assertEquals("let x = 1", t.lineText(3));
    assertEquals("q.devq:3:1", t.position(17));
    assertEquals("y", t.lineText(17));
    assertEquals("q.devq:4:1", t.position(19));
  }

  @Test
  void columnsAndOffsetsCountCodePoints() {
    var t = new SourceText("q", "x 😀 y\n😀z");
    assertEquals(5, t.column(5)); // 'y' after a two-unit emoji is the fifth code point
    assertEquals(5, t.offsetOfCodePoint(4));
    assertEquals(2, t.column(9));
    assertEquals(t.text().length(), t.offsetOfCodePoint(100));
    var plain = new SourceText("q", "abc");
    assertEquals(2, plain.offsetOfCodePoint(2));
    assertEquals(3, plain.offsetOfCodePoint(7));
  }

  @Test
  void aTextMadeOnFirstUseIsMadeOnceAndAnswersAsTheTextItself() {
    String text = "a: 1\r\nbb: 2\n\nx 😀 y";
    var made = new java.util.concurrent.atomic.AtomicInteger();
    var lazy =
        new SourceText(
            "f.yaml",
            () -> {
              made.incrementAndGet();
              return text;
            },
            10);
    assertEquals("f.yaml", lazy.name());
    assertEquals(0, made.get()); // nothing asked of the text yet
    var eager = new SourceText("f.yaml", text, 10);
    for (int offset = 0; offset <= text.length() + 1; offset++) {
      assertEquals(eager.position(offset), lazy.position(offset));
      assertEquals(eager.lineText(offset), lazy.lineText(offset));
      assertEquals(eager.offsetOfCodePoint(offset), lazy.offsetOfCodePoint(offset));
    }
    assertEquals(text, lazy.text());
    assertEquals("bb", lazy.slice(new Span(6, 8)));
    assertEquals(1, made.get());
  }

  @Test
  void anEmptyTextHasOneLine() {
    var t = new SourceText("e", "");
    assertEquals("e:1:1", t.position(0));
    assertEquals("", t.lineText(0));
  }
}
