package dev.devq.model;

import dev.devq.kb.ModelProfile;
import dev.devq.kb.Problems;
import java.util.Map;

/**
 * Whether a value a query gives can be a zoo model's parameter ({@code mobilenet_v2(resolution =
 * r)}), asked of one argument at a time so that a refusal points at that argument rather than at
 * the whole call. The build ({@link ModelBuilder#build}) refuses the same values with the same
 * words: both ask {@code ModelParams}.
 */
public final class ModelArguments {
  private ModelArguments() {}

  /** Why an argument was refused, the short label under it, and a hint or the empty string. */
  public record Refusal(String message, String label, String hint) {}

  /** Why {@code value} cannot be parameter {@code name} of {@code profile}, or null when it can. */
  public static Refusal refusal(ModelProfile profile, String name, Object value) {
    // the defaults' own errors are the profile's, reported when it loaded
    Problems reported = new Problems();
    var largest = ModelParams.largest(profile.root(), reported);
    Map<String, Object> defaults = ModelParams.bind(profile, Map.of(), largest, reported);
    return ModelParams.refusal(profile, defaults, largest, name, value);
  }
}
