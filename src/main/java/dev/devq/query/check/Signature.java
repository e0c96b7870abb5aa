package dev.devq.query.check;

import dev.devq.lang.Suggestions;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A built-in function: its parameters in order (a parameter with a default may be omitted or
 * named), what it returns, and one line of help.
 */
public record Signature(String name, List<Param> params, Type result, String help) {
  public Signature {
    params = List.copyOf(params);
  }

  /**
   * {@code defaultValue} is query text ({@code nominal}, {@code 1}, {@code 30fps}); empty =
   * required.
   */
  public record Param(String name, ParamKind kind, String defaultValue) {
    public boolean required() {
      return defaultValue.isEmpty();
    }
  }

  /**
   * The "did you mean" for an argument this function has no parameter of: the nearest parameter
   * name, else the parameter whose kind the argument names ({@code thermal = serious} means {@code
   * state}, {@code device = a16} {@code target}); empty when neither is.
   */
  public String meant(String argument) {
    String nearest = Suggestions.didYouMean(argument, params.stream().map(Param::name).toList());
    if (!nearest.isEmpty()) {
      return nearest;
    }
    List<String> words = words(argument);
    return params.stream()
        .filter(p -> words(p.kind().noun()).containsAll(words))
        .findFirst()
        .map(p -> Suggestions.meant(p.name()))
        .orElse("");
  }

  /** {@code thermal_state} → thermal, state; {@code compute-unit set} → compute, unit, set. */
  private static List<String> words(String text) {
    return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+"))
        .filter(w -> !w.isEmpty())
        .map(w -> w.endsWith("s") && w.length() > 3 ? w.substring(0, w.length() - 1) : w)
        .toList();
  }

  /** {@code latency(model, target, state = nominal, …)} for help and messages. */
  public String usage() {
    var out = new StringBuilder(name).append('(');
    for (int i = 0; i < params.size(); i++) {
      Param p = params.get(i);
      if (i > 0) {
        out.append(", ");
      }
      out.append(p.name());
      if (!p.required()) {
        out.append(" = ").append(p.defaultValue());
      }
    }
    return out.append(')').toString();
  }
}
