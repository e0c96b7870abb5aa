package dev.devq.cli;

import dev.devq.Bindings;
import dev.devq.Devq;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What a REPL session carries from one input to the next: the loaded knowledge base, the {@code
 * let} bindings and successful statements ({@link Bindings}), the output format, and whether {@code
 * :quit} was asked for. Only the REPL's thread touches it, but for {@link #interrupted}.
 *
 * <p>{@code :load} of a review document whose front matter names profile overlays loads them as
 * {@code devq check} does (the document's first, then the command line's {@code --profiles}), and
 * the session goes on with that knowledge base: {@link #devq} and {@link #documentProfiles} change
 * together.
 */
final class ReplState {
  /**
   * Set by the terminal's Ctrl-C handler, on a thread of its own, while an input runs; cleared
   * before each input. The session's evaluations stop at their next step once it is set.
   */
  final AtomicBoolean interrupted = new AtomicBoolean();

  /** The knowledge base, its evaluations stopping at {@link #interrupted} ({@link #stoppable}). */
  Devq devq;

  /** The command line's {@code --profiles}, under every document's overlays. */
  final List<Path> profiles;

  /**
   * The overlays of the last loaded document whose front matter names some, in {@link #devq};
   * empty: none. A document without front matter runs on the session's knowledge base as it is.
   */
  List<Path> documentProfiles = List.of();

  Bindings bindings = Bindings.EMPTY;
  Format format = Format.text;
  boolean quit;
  private int inputs;

  ReplState(Devq devq) {
    this(devq, List.of());
  }

  ReplState(Devq devq, List<Path> profiles) {
    this.devq = stoppable(devq);
    this.profiles = List.copyOf(profiles);
  }

  /** {@code loaded} as the session uses it: its evaluations stop at Ctrl-C. */
  Devq stoppable(Devq loaded) {
    return loaded.stoppingWhen(interrupted::get);
  }

  /** The name of the next input in diagnostics: {@code <input 3>}. */
  String nextInputName() {
    return "<input " + (++inputs) + ">";
  }
}
