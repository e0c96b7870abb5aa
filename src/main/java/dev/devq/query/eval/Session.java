package dev.devq.query.eval;

import dev.devq.lang.Diagnostic;
import dev.devq.query.check.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code let} bindings of a REPL or a document, with their types and values, and the text of
 * every statement that succeeded (for {@code :save}), the names whose {@code let} failed, and the
 * lets of booleans of a query file that nothing has read yet ({@link ShownBooleans#unreadLet}).
 * Immutable: running statements returns a new session, and a failed input leaves the old one
 * untouched.
 */
public record Session(
    Map<String, Type> types,
    Map<String, Value> values,
    List<String> history,
    Set<String> failed,
    List<Unread> unread) {
  public static final Session EMPTY =
      new Session(Map.of(), Map.of(), List.of(), Set.of(), List.of());

  /**
   * A {@code let} of a query file whose booleans nothing has read, and what to say of it if nothing
   * does; {@code hidden} once a later {@code let} of the same name leaves it unreadable.
   */
  public record Unread(String name, Diagnostic diagnostic, boolean hidden) {}

  public Session {
    types = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(types));
    values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    history = List.copyOf(history);
    failed = Set.copyOf(failed);
    unread = List.copyOf(unread);
  }

  public Session bind(String name, Type type, Value value) {
    var t = new LinkedHashMap<>(types);
    var v = new LinkedHashMap<>(values);
    t.put(name, type);
    v.put(name, value);
    var f = new HashSet<>(failed);
    f.remove(name);
    return new Session(t, v, history, f, hiding(name));
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
    return new Session(t, v, history, f, hiding(name));
  }

  /** The session with statements appended to its history. */
  public Session remember(List<String> statements) {
    var h = new ArrayList<>(history);
    h.addAll(statements);
    return new Session(types, values, h, failed, unread);
  }

  /** The session once {@code name}, just bound, waits for a statement to read it. */
  Session awaitingRead(String name, Diagnostic ifNeverRead) {
    var u = new ArrayList<>(unread);
    u.add(new Unread(name, ifNeverRead, false));
    return new Session(types, values, history, failed, u);
  }

  /**
   * The session once a statement, or a review document's plot, read {@code names}: their bindings
   * wait no more.
   */
  public Session read(Set<String> names) {
    if (names.isEmpty() || unread.isEmpty()) {
      return this;
    }
    List<Unread> u = unread.stream().filter(x -> x.hidden() || !names.contains(x.name())).toList();
    return new Session(types, values, history, failed, u);
  }

  /** What is said of each {@code let} of booleans that nothing read, in the order they came. */
  public List<Diagnostic> neverRead() {
    return unread.stream()
        .map(
            x ->
                x.hidden()
                    ? x.diagnostic()
                        .withNote(
                            "a later let of '" + x.name() + "' replaced it before anything read it")
                    : x.diagnostic())
        .toList();
  }

  /**
   * The waiting lets with those of {@code name} hidden: a new binding of the name replaced them.
   */
  private List<Unread> hiding(String name) {
    return unread.stream()
        .map(x -> x.name().equals(name) ? new Unread(name, x.diagnostic(), true) : x)
        .toList();
  }
}
