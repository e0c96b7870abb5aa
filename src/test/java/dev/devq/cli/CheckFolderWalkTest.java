package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder {@code devq check} cannot walk is refused with the folder the walk could not enter and
 * why, exit code 2. A folder the system will not open is made here without permissions (which root
 * ignores) as a tree deeper than the system's longest path, built bottom-up by moving folders with
 * short paths, so that no step but the walk ever names the whole path.
 */
class CheckFolderWalkTest {
  /**
   * Levels of 200-character names: about 5,000 characters, past Linux's 4,096 and macOS's 1,024.
   */
  private static final int DEPTH = 25;

  private static final String NAME = "d".repeat(200);

  @TempDir Path tmp;

  @Test
  void aFolderTheWalkCannotEnterIsNamedWithTheReason() throws IOException {
    Path tree = Files.createDirectory(tmp.resolve("tree"));
    Path inner = Files.createDirectory(tmp.resolve("level0"));
    Files.writeString(inner.resolve("deep.devq"), "1 < 2\n");
    for (int i = 1; i < DEPTH; i++) {
      Path outer = Files.createDirectory(tmp.resolve("level" + i));
      Files.move(inner, outer.resolve(NAME));
      inner = outer;
    }
    Files.move(inner, tree.resolve(NAME));
    try {
      var run = CheckReportsTest.devq("check", tree.toString());
      assertEquals(ExitCodes.BAD_INPUT, run.code(), run.out() + run.err());
      String err = run.err().strip();
      assertTrue(
          err.startsWith("error[INPUT_FILE]: cannot read " + tree.resolve(NAME) + "/" + NAME), err);
      assertTrue(err.contains(": the file name is too long\n"), err);
    } finally {
      flatten(tree);
    }
  }

  /** Moves every level up beside the others, so that @TempDir can delete them by short paths. */
  private void flatten(Path top) throws IOException {
    Path level = top;
    for (int i = 0; Files.isDirectory(level.resolve(NAME)); i++) {
      Path up = tmp.resolve("flat" + i);
      Files.move(level.resolve(NAME), up);
      level = up;
    }
  }
}
