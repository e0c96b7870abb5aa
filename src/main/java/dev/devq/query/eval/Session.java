package dev.devq.query.eval;

import dev.devq.query.check.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code let} bindings of a REPL or a document, with their types and values, and the text of
 * every statement that succeeded (for {@code :save}). Immutable: running statements returns a new
 * session, and a failed input leaves the old one untouched.
 */
public record Session(Map<String, Type> types, Map<String, Value> values, List<String> history) {
  public static final Session EMPTY = new Session(Map.of(), Map.of(), List.of());

  public Session {
    types = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(types));
    values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    history = List.copyOf(history);
  }

  public Session bind(String name, Type type, Value value) {
    var t = new LinkedHashMap<>(types);
    var v = new LinkedHashMap<>(values);
    t.put(name, type);
    v.put(name, value);
    return new Session(t, v, history);
  }

  /** The session with statements appended to its history. */
  public Session remember(List<String> statements) {
    var h = new ArrayList<>(history);
    h.addAll(statements);
    return new Session(types, values, h);
  }
}
