package dev.devq.query.check;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The signatures of the built-in functions by name, for help, completion and highlighting. The
 * definitions are the constants of {@link Builtin}; this is only their index by name.
 */
public final class Functions {
  private static final Map<String, Signature> ALL = build();

  private Functions() {}

  /** The signature of the function called {@code name}, or null. */
  public static Signature get(String name) {
    Builtin b = Builtin.named(name);
    return b == null ? null : b.signature();
  }

  /** Every signature in declaration order. */
  public static Map<String, Signature> all() {
    return ALL;
  }

  private static Map<String, Signature> build() {
    Map<String, Signature> m = new LinkedHashMap<>();
    Arrays.stream(Builtin.values()).forEach(b -> m.put(b.key(), b.signature()));
    return Collections.unmodifiableMap(m);
  }
}
