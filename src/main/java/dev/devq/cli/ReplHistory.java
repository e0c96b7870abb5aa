package dev.devq.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the REPL keeps its history: {@code $XDG_STATE_HOME/devq/history}, or {@code
 * ~/.local/state/devq/history} when that variable is unset or not an absolute path (as the XDG base
 * directory specification says). A directory that cannot be created or written means no saved
 * history, never a failure.
 */
final class ReplHistory {
  /** The history file, or null with the reason it cannot be used. */
  record Location(Path file, String problem) {}

  private ReplHistory() {}

  static Path file(Map<String, String> env, String userHome) {
    String state = env.get("XDG_STATE_HOME");
    Path base =
        state != null && !state.isBlank() && Path.of(state).isAbsolute()
            ? Path.of(state)
            : Path.of(userHome, ".local", "state");
    return base.resolve("devq").resolve("history");
  }

  /** Creates the directory if needed and checks that the file can be written. */
  static Location prepare(Path file) {
    Path dir = file.getParent();
    try {
      Files.createDirectories(dir);
    } catch (IOException | SecurityException e) {
      return new Location(null, "cannot create " + dir);
    }
    boolean writable =
        Files.exists(file)
            ? Files.isWritable(file) && Files.isReadable(file)
            : Files.isWritable(dir);
    return writable ? new Location(file, "") : new Location(null, "cannot write " + file);
  }
}
