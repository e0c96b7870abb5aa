package dev.devq.model;

import dev.devq.kb.ModelProfile;
import dev.devq.kb.Problems;
import dev.devq.kb.Sourced;
import dev.devq.lang.unit.Quantity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a value a query gives can be a zoo model's parameter ({@code mobilenet_v2(resolution =
 * r)}), asked of one argument at a time so that a refusal points at that argument rather than at
 * the whole call, then of the arguments together ({@link #together}). The build ({@link
 * ModelBuilder#build}) refuses the same values with the same words: both ask {@code ModelParams}.
 */
public final class ModelArguments {
  private ModelArguments() {}

  /** Why an argument was refused, the short label under it, and a hint or the empty string. */
  public record Refusal(String message, String label, String hint) {}

  /** A refusal of several values together, and the parameter whose argument it points at. */
  public record Blamed(String parameter, Refusal refusal) {}

  /**
   * The arguments a refused decoder step points at, first written first: the new tokens are what
   * the window must hold; a query that wrote only the window is pointed there.
   */
  private static final List<String> WINDOW_ARGUMENTS =
      List.of(DecoderWindow.TOKENS, DecoderWindow.CONTEXT, DecoderWindow.PHASE);

  /** Why {@code value} cannot be parameter {@code name} of {@code profile}, or null when it can. */
  public static Refusal refusal(ModelProfile profile, String name, Object value) {
    Defaults d = defaults(profile);
    return ModelParams.refusal(profile, d.values(), d.largest(), name, value);
  }

  /**
   * Why the parameters a query wrote ({@code written}), each one the model takes, cannot go
   * together, or null when they can: a decoder step its window cannot hold.
   */
  public static Blamed together(ModelProfile profile, Map<String, Object> written) {
    Defaults d = defaults(profile);
    Map<String, Object> scope = new LinkedHashMap<>(d.values());
    scope.putAll(written);
    Refusal no =
        DecoderWindow.refusal(
            profile.id(), d.values(), scope, d.largest().get(DecoderWindow.CONTEXT));
    if (no == null) {
      return null;
    }
    String at =
        WINDOW_ARGUMENTS.stream()
            .filter(written::containsKey)
            .findFirst()
            .orElse(DecoderWindow.PHASE);
    return new Blamed(at, no);
  }

  /**
   * The arguments a query wrote, in the order the model's file declares its parameters (names it
   * does not declare last, as written, for the build to refuse): the model's label and the engine's
   * cache key. {@code mobilenet_v2(resolution = 160, width = 0.5)} is then the model {@code
   * mobilenet_v2(width = 0.5, resolution = 160)} is, and compares equal to it. An argument equal to
   * its default stays: the label says what the query asked for ({@code distilbert(seq = 128)}).
   */
  public static Map<String, Object> canonical(ModelProfile profile, Map<String, Object> written) {
    if (written.size() < 2) {
      return written;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (String name : defaults(profile).values().keySet()) {
      if (written.containsKey(name)) {
        out.put(name, written.get(name));
      }
    }
    written.forEach(out::putIfAbsent);
    return out;
  }

  /** A model's parameters as its file sets them, and the largest values its sources give. */
  private record Defaults(Map<String, Object> values, Map<String, Sourced<Quantity>> largest) {}

  private static Defaults defaults(ModelProfile profile) {
    // the defaults' own errors are the profile's, reported when it loaded
    Problems reported = new Problems();
    var largest = ModelParams.largest(profile.root(), reported);
    return new Defaults(ModelParams.bind(profile, Map.of(), largest, reported), largest);
  }
}
