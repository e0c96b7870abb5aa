package dev.devq.doc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A file devq writes for a user ({@code plot -o}, a figure beside a document, {@code :save}) given
 * as a symbolic link whose target is missing: written through to the target, so the link stays a
 * link, as a link to an existing file always was; a target devq cannot make is said before any
 * write, and the link is left as it was.
 */
class OutputFilesTest {
  @TempDir Path dir;

  /**
   * A link {@code base/out.svg} to the first path, each further path a link the one before leads
   * to; the file written, relative to the test's folder.
   */
  @ParameterizedTest(name = "out.svg -> {0}  writes {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      new.svg                 | base/new.svg
      sub/new.svg             | base/sub/new.svg
      ../up.svg               | up.svg
      hop.svg, sub/new.svg    | base/sub/new.svg
      hop.svg, ../sub/new.svg | sub/new.svg
      """)
  void writesThroughALinkWhoseTargetIsMissing(String chain, String written) throws IOException {
    Path base = Files.createDirectories(dir.resolve("base"));
    Files.createDirectories(base.resolve("sub"));
    Files.createDirectories(dir.resolve("sub"));
    Path link = base.resolve("out.svg");
    Path from = link;
    for (String step : chain.split(",\\s*")) {
      Files.createSymbolicLink(from, Path.of(step));
      from = from.getParent().resolve(step);
    }
    assertEquals("", OutputFiles.problem(link));
    assertEquals("", OutputFiles.refusal(link));
    OutputFiles.write(link, "<svg/>\n");
    assertTrue(Files.isSymbolicLink(link), "the link stays a link");
    Path target = dir.resolve(written);
    assertEquals("<svg/>\n", Files.readString(link, StandardCharsets.UTF_8));
    assertEquals("<svg/>\n", Files.readString(target, StandardCharsets.UTF_8));
  }

  @ParameterizedTest(name = "out.svg -> {0}  =>  {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      missing/new.svg | it links to {base}/missing/new.svg, and the directory {base}/missing does not exist
      out.svg         | too many levels of symbolic links
      """)
  void refusesALinkWhoseTargetCannotBeMade(String to, String expected) throws IOException {
    Path base = dir.toAbsolutePath();
    Path link = Files.createSymbolicLink(base.resolve("out.svg"), Path.of(to));
    assertEquals(expected.replace("{base}", base.toString()), OutputFiles.problem(link));
    assertThrows(IOException.class, () -> OutputFiles.write(link, "<svg/>\n"));
    assertTrue(Files.isSymbolicLink(link), "the link is left as it was");
    assertEquals(Path.of(to), Files.readSymbolicLink(link));
    assertFalse(Files.exists(base.resolve("missing")));
  }
}
