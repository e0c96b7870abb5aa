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
    var d = new Draft(this);
    d.bind(name, type, value);
    return d.session();
  }

  /**
   * The session after {@code let name = …} failed: the name has no value, and the statements that
   * use it are skipped rather than reported again (one error, not a cascade).
   */
  public Session fail(String name) {
    var d = new Draft(this);
    d.fail(name);
    return d.session();
  }

  /** The session with statements appended to its history. */
  public Session remember(List<String> statements) {
    var d = new Draft(this);
    d.remember(statements);
    return d.session();
  }

  /**
   * The session once a statement, or a review document's plot, read {@code names}: their bindings
   * wait no more.
   */
  public Session read(Set<String> names) {
    if (names.isEmpty() || unread.isEmpty()) {
      return this;
    }
    var d = new Draft(this);
    d.read(names);
    return d.session();
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
   * A session that the statements of one run change in place, one binding at a time: a file of many
   * {@code let}s then binds each in constant time, where a new session per statement copied every
   * binding before it (20,000 lets took most of a minute). Its maps are read-only views, so a
   * statement reads the bindings of those before it; {@link #session} freezes it.
   */
  static final class Draft {
    private final Map<String, Type> types;
    private final Map<String, Value> values;
    private final List<String> history;
    private final Set<String> failed;
    private final List<Unread> unread;

    Draft(Session from) {
      types = new LinkedHashMap<>(from.types);
      values = new LinkedHashMap<>(from.values);
      history = new ArrayList<>(from.history);
      failed = new HashSet<>(from.failed);
      unread = new ArrayList<>(from.unread);
    }

    Map<String, Type> types() {
      return java.util.Collections.unmodifiableMap(types);
    }

    Map<String, Value> values() {
      return java.util.Collections.unmodifiableMap(values);
    }

    Set<String> failed() {
      return java.util.Collections.unmodifiableSet(failed);
    }

    void bind(String name, Type type, Value value) {
      types.put(name, type);
      values.put(name, value);
      failed.remove(name);
      hide(name);
    }

    void fail(String name) {
      types.remove(name);
      values.remove(name);
      failed.add(name);
      hide(name);
    }

    void remember(List<String> statements) {
      history.addAll(statements);
    }

    /** {@code name}, just bound, waits for a statement to read it. */
    void awaitingRead(String name, Diagnostic ifNeverRead) {
      unread.add(new Unread(name, ifNeverRead, false));
    }

    void read(Set<String> names) {
      if (!names.isEmpty()) {
        unread.removeIf(x -> !x.hidden() && names.contains(x.name()));
      }
    }

    Session session() {
      return new Session(types, values, history, failed, unread);
    }

    /** A new binding of {@code name} replaces the lets of it still waiting to be read. */
    private void hide(String name) {
      unread.replaceAll(x -> x.name().equals(name) ? new Unread(name, x.diagnostic(), true) : x);
    }
  }
}
