package dev.devq.search;

import java.util.Locale;

/**
 * A name glued for matching in any spelling: lower-case letters and digits only, so {@code
 * torch.nn.LayerNorm}, {@code layer_norm} and {@code "Layer Norm"} all read {@code layernorm}. The
 * index, the query checker's name resolution and the search renderer all glue this one way.
 */
public final class GluedName {
  private GluedName() {}

  /** {@code torch.nn.LayerNorm} → {@code torchnnlayernorm}. */
  public static String of(String s) {
    // by hand, not replaceAll: opening the index glues every id and name, and a regular expression
    // compiled for each took a one-shot search's snapshot thread tens of milliseconds, cold
    String lower = s.toLowerCase(Locale.ROOT);
    var out = new StringBuilder(lower.length());
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        out.append(c);
      }
    }
    return out.toString();
  }
}
