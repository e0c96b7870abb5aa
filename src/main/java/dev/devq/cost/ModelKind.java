package dev.devq.cost;

import dev.devq.model.DecoderWindow;
import dev.devq.model.Model;
import java.util.Locale;

/**
 * The kind of model a runtime's measurements cover, as far as its cost differs in kind: a decoder
 * ({@link DecoderWindow#isDecoder}: a step of a language model over a KV cache, by phase) or a
 * model that takes its whole input in one pass (vision models, encoders). A fit's rows of one kind
 * say nothing of how far the model lands on the other ({@link OutOfScope}).
 */
public enum ModelKind {
  DECODER,
  ONE_PASS;

  /** The word a calibration file records ({@code decoder}, {@code one_pass}). */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind of {@code model}. */
  public static ModelKind of(Model model) {
    return DecoderWindow.isDecoder(model.parameters()) ? DECODER : ONE_PASS;
  }

  /** The kind a word names, or null. */
  public static ModelKind parse(String key) {
    for (ModelKind k : values()) {
      if (k.key().equals(key)) {
        return k;
      }
    }
    return null;
  }
}
