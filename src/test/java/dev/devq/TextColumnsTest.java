package dev.devq;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The front ends pad text by terminal columns as the tables do: the REPL's help padded by UTF-16
 * units, a copy of the tables' padding that disagreed on wide characters and combining marks.
 */
class TextColumnsTest {
  @Test
  void padsByTerminalColumns() {
    assertEquals("日本  ", TextColumns.pad("日本", 6));
    assertEquals("e\u0301   ", TextColumns.pad("e\u0301", 4));
    assertEquals("load      ", TextColumns.pad("load", 10));
    assertEquals("toolong", TextColumns.pad("toolong", 3));
  }
}
