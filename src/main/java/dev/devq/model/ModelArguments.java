package dev.devq.model;

import dev.devq.kb.ModelProfile;
import dev.devq.kb.Problems;
import dev.devq.kb.Sourced;
import dev.devq.lang.Diagnostic;
import dev.devq.lang.unit.Quantity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
   * Which written argument a model cannot be built with, when each alone is a value its parameter
   * takes ({@link #refusal}) and the window holds them ({@link #together}), but a size the model
   * computes from them is out of range: {@code mobilenet_v2(width = 1e300)} asks for layers of
   * 3.2e301 channels, {@code vit_b16(resolution = 100)} for 6.25 patches a side. A model's file
   * gives no range for such a parameter, so the build is the judge, and its error, which names a
   * layer argument of the file ({@code out}), is reported at the query's argument instead.
   *
   * <p>{@code failed} is the first error of the build with all of {@code written}. With several
   * arguments, each is built alone (the others at their defaults) and the first that fails is
   * blamed; when only their combination fails, the first written is, the message naming them all.
   * Null when nothing was written.
   */
  public static Blamed unbuildable(
      ModelProfile profile,
      Map<String, Object> written,
      Diagnostic failed,
      Set<String> catalogOps) {
    if (written.isEmpty()) {
      return null;
    }
    for (var arg : written.entrySet()) {
      Map<String, Object> alone = Map.of(arg.getKey(), arg.getValue());
      List<Diagnostic> why =
          written.size() == 1
              ? List.of(failed)
              : ModelBuilder.build(profile, alone, catalogOps).diagnostics();
      if (!why.isEmpty()) {
        return new Blamed(arg.getKey(), cannotBuild(profile, alone, why.get(0)));
      }
    }
    return new Blamed(written.keySet().iterator().next(), cannotBuild(profile, written, failed));
  }

  private static Refusal cannotBuild(
      ModelProfile profile, Map<String, Object> args, Diagnostic cause) {
    String values = ModelParams.label("", args);
    String given = values.substring(1, values.length() - 1);
    // the headline speaks of what the query wrote; the size of the file at fault comes after it
    return new Refusal(
        "'"
            + profile.id()
            + "' cannot be built with "
            + given
            + ": a size computed from "
            + (args.size() == 1 ? "it" : "them")
            + " is invalid",
        "not a value this model can be built with",
        cause.message() + ", at " + cause.position());
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
