package dev.devq.cli;

import dev.devq.Bindings;
import dev.devq.Devq;

/**
 * What a REPL session carries from one input to the next: the loaded knowledge base, the {@code
 * let} bindings and successful statements ({@link Bindings}), the output format, and whether {@code
 * :quit} was asked for. Only the REPL's thread touches it.
 */
final class ReplState {
  final Devq devq;
  Bindings bindings = Bindings.EMPTY;
  Format format = Format.text;
  boolean quit;
  private int inputs;

  ReplState(Devq devq) {
    this.devq = devq;
  }

  /** The name of the next input in diagnostics: {@code <input 3>}. */
  String nextInputName() {
    return "<input " + (++inputs) + ">";
  }
}
