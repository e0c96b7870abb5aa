package dev.devq.query.eval;

import dev.devq.query.check.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code let} bindings of a REPL or a document, with their types and values, and the text of
 * every statement that succeeded (for {@code :save}), and the names whose {@code let} failed.
 * Immutable: running statements returns a new session, and a failed input leaves the old one
 * untouched.
 */
public record Session(
    Map<String, Type> types, Map<String, Value> values, List<String> history, Set<String> failed) {
  public static final Session EMPTY = new Session(Map.of(), Map.of(), List.of(), Set.of());

  public Session {
    types = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(types));
    values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    history = List.copyOf(history);
    failed = Set.copyOf(failed);
  }

  public Session bind(String name, Type type, Value value) {
    var t = new LinkedHashMap<>(types);
    var v = new LinkedHashMap<>(values);
    t.put(name, type);
    v.put(name, value);
    var f = new HashSet<>(failed);
    f.remove(name);
    return new Session(t, v, history, f);
  }

  /**
   * The session after {@code let name = …} failed: the name has no value, and the statements that
   * use it are skipped rather than reported again (one error, not a cascade).
   */
  public Session fail(String name) {
    var t = new LinkedHashMap<>(types);
    var v = new LinkedHashMap<>(values);
    t.remove(name);
    v.remove(name);
    var f = new HashSet<>(failed);
    f.add(name);
    return new Session(t, v, history, f);
  }

  /** The session with statements appended to its history. */
  public Session remember(List<String> statements) {
    var h = new ArrayList<>(history);
    h.addAll(statements);
    return new Session(types, values, h, failed);
  }
}
