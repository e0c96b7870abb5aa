package dev.devq.cli;

import dev.devq.Devq;
import picocli.CommandLine;

/**
 * Makes each command with the knowledge base {@code devq} already loaded (when there is one)
 * instead of loading the profiles again, as the REPL's commands are made: tests that run many
 * commands share one engine, and with it what the engine remembers (the held-out folds of the
 * shipped fit).
 */
record Preloading(Devq devq) implements CommandLine.IFactory {
  @Override
  public <K> K create(Class<K> cls) throws Exception {
    K made = CommandLine.defaultFactory().create(cls);
    if (made instanceof CommonOptions c) {
      c.preloaded = devq;
    }
    return made;
  }
}
