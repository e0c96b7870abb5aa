package dev.devq.cli;

import dev.devq.Devq;
import dev.devq.query.check.Completions;
import dev.devq.query.eval.Session;

/**
 * What a REPL session carries from one input to the next: the loaded knowledge base, the {@code
 * let} bindings and successful statements ({@link Session}), the output format, and whether {@code
 * :quit} was asked for. Only the REPL's thread touches it.
 */
final class ReplState {
  final Devq devq;
  final Completions completions;
  Session session = Session.EMPTY;
  Format format = Format.text;
  boolean quit;
  private int inputs;

  ReplState(Devq devq) {
    this.devq = devq;
    this.completions = new Completions(devq.engine().resolver());
  }

  /** The name of the next input in diagnostics: {@code <input 3>}. */
  String nextInputName() {
    return "<input " + (++inputs) + ">";
  }
}
