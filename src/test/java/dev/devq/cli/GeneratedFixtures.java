package dev.devq.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Fixtures too large to commit, written under {@code target/generated-fixtures/} when the tests
 * run; golden commands name them by that path, like the committed ones under {@code
 * src/test/resources/fixtures/}.
 */
final class GeneratedFixtures {
  static final Path DIR = Path.of("target", "generated-fixtures");

  /** How many list items nest one inside the other in {@code deep-lists.md}. */
  static final int LIST_DEPTH = 5_000;

  private GeneratedFixtures() {}

  /** Writes every generated fixture (each write replaces the file whole, never half-written). */
  static void write() throws IOException {
    Files.createDirectories(DIR);
    Path lists = DIR.resolve("deep-lists.md");
    Path partial = Files.createTempFile(DIR, "deep-lists", ".part");
    try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
      deepLists(out);
    }
    Files.move(partial, lists, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * {@value #LIST_DEPTH} list items, each indented two columns more than the one before, so each is
   * nested in the previous: 25 MB of indentation that a recursive Markdown reader cannot survive.
   */
  static void deepLists(Writer out) throws IOException {
    for (int level = 0; level < LIST_DEPTH; level++) {
      out.write(" ".repeat(2 * level));
      out.write("- x\n");
    }
  }
}
