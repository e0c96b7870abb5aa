package dev.devq;

import dev.devq.query.eval.Session;
import java.util.List;
import java.util.Set;

/**
 * The {@code let} bindings of a REPL session or a review document, and the text of every statement
 * that succeeded (for {@code :save}). Immutable and opaque: running statements with {@link Devq}
 * returns new bindings, and a failed REPL input leaves the old ones untouched.
 *
 * <pre>{@code
 * Run first = devq.run(new SourceText("a", "let m = resnet50"), Bindings.EMPTY);
 * Run second = devq.run(new SourceText("b", "latency(m, a16)"), first.bindings());
 * }</pre>
 */
public final class Bindings {
  /** No bindings and no history: where every file, document and REPL starts. */
  public static final Bindings EMPTY = new Bindings(Session.EMPTY);

  private final Session session;

  Bindings(Session session) {
    this.session = session;
  }

  Session session() {
    return session;
  }

  /** The text of each statement that succeeded, in order. */
  public List<String> history() {
    return session.history();
  }

  /** The names bound by {@code let}, in the order they were first bound. */
  public Set<String> names() {
    return session.values().keySet();
  }

  /** Whether {@code name} is bound by a {@code let}. */
  public boolean binds(String name) {
    return session.values().containsKey(name);
  }
}
