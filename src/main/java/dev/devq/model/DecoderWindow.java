package dev.devq.model;

import dev.devq.kb.Sourced;
import dev.devq.lang.unit.Quantity;
import java.util.Map;

/**
 * The step a decoder model costs, read from its parameters: {@code phase} ({@code prefill} or
 * {@code decode}), {@code context} and {@code tokens}. {@code context} is the window: every
 * position the step attends over, its new tokens included, so the KV cache holds {@code context}
 * positions once the step is done and the last {@code tokens} of them are the new ones. Hence a
 * decode step cannot have more new tokens than its window, and a prefill, which takes the whole
 * window as new tokens, has no {@code tokens} of its own. Applies to every model whose parameters
 * have the three names, whatever its file says; the build refuses a step outside the rule and the
 * query reports it at the argument ({@link ModelArguments#together}).
 */
public final class DecoderWindow {
  /** The parameter names and phase values the rule reads, shared with {@code ttft}. */
  public static final String PHASE = "phase";

  public static final String CONTEXT = "context";
  public static final String TOKENS = "tokens";
  public static final String PREFILL = "prefill";
  public static final String DECODE = "decode";

  private DecoderWindow() {}

  /** Whether a model with these parameters is a decoder: it has a phase and a window. */
  public static boolean isDecoder(Map<String, Object> params) {
    return params.containsKey(PHASE) && params.containsKey(CONTEXT);
  }

  /**
   * Why the bound parameters {@code scope} are not a step the window can hold, or null when they
   * are. {@code defaults} are the model's own values (a prefill keeps the default {@code tokens},
   * which it never reads); {@code largest} the source's largest context, when one is given. A
   * context below one position is left to the layers' own error.
   */
  static ModelArguments.Refusal refusal(
      String id,
      Map<String, Object> defaults,
      Map<String, Object> scope,
      Sourced<Quantity> largest) {
    if (!isDecoder(scope)
        || !(scope.get(CONTEXT) instanceof Double context)
        || !(scope.get(TOKENS) instanceof Double tokens)
        || context < 1) {
      return null;
    }
    Object phase = scope.get(PHASE);
    if (DECODE.equals(phase) && tokens > context) {
      return new ModelArguments.Refusal(
          "a decode step of '"
              + id
              + "' with tokens = "
              + Args.trim(tokens)
              + " needs a context of at least "
              + Args.trim(tokens)
              + ", found context = "
              + Args.trim(context),
          "more new tokens than the window holds",
          "context counts every position the step attends over, its new tokens included: "
              + widen(id, tokens, largest));
    }
    if (PREFILL.equals(phase) && !tokens.equals(defaults.get(TOKENS)) && !tokens.equals(context)) {
      return new ModelArguments.Refusal(
          "a prefill of '"
              + id
              + "' takes all context = "
              + Args.trim(context)
              + " positions as new tokens, found tokens = "
              + Args.trim(tokens),
          "not the prefill's token count",
          "leave tokens out: a prefill's new tokens are its whole context, and tokens sets how"
              + " many of the context positions a decode step (phase = decode) adds");
    }
    return null;
  }

  /** The way out: a longer window where the source allows one, else fewer new tokens. */
  private static String widen(String id, double tokens, Sourced<Quantity> largest) {
    if (largest != null && largest.present() && tokens > largest.value().value()) {
      String note = largest.provenance().note();
      String most = Args.trim(largest.value().value());
      return "'"
          + id
          + "' attends over at most "
          + most
          + " positions, so lower tokens to "
          + most
          + " or fewer; "
          + largest.provenance().source()
          + (note.isEmpty() ? "" : ": " + note);
    }
    return "raise context to at least " + Args.trim(tokens) + ", or lower tokens";
  }
}
