package dev.devq;

import dev.devq.view.TextRender;

/**
 * Text padded to terminal columns for the front ends, which reach the views only through the
 * facade: the REPL's help lines up its columns as the tables do.
 *
 * <pre>{@code
 * TextColumns.pad("日本", 6)   // "日本  ": two wide characters take four columns
 * }</pre>
 */
public final class TextColumns {
  private TextColumns() {}

  /** {@code s} and spaces up to {@code width} terminal columns, as every text table pads. */
  public static String pad(String s, int width) {
    return TextRender.pad(s, width);
  }
}
