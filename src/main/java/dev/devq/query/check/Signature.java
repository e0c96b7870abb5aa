package dev.devq.query.check;

import java.util.List;

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
