package dev.devq.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** A folder named by a command-line option ({@code --profiles}, {@code --root}), checked once. */
final class FolderArgument {
  private FolderArgument() {}

  /**
   * Why {@code dir}, given to {@code option}, cannot be used; empty when it is a folder. An empty
   * value is refused rather than read as the current folder, which a script's unset variable
   * ({@code --profiles "$DIR"}) would otherwise make it.
   */
  static String problem(String option, Path dir) {
    if (dir.toString().isEmpty()) {
      return option + ": an empty value names no folder (write . for the current one)";
    }
    if (Files.isDirectory(dir)) {
      return "";
    }
    return option
        + " "
        + dir
        + ": "
        + (Files.exists(dir) ? "not a directory" : "no such directory");
  }
}
