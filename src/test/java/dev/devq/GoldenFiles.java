package dev.devq;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Golden-file comparison: normalizes line endings, prints a line diff on mismatch, and with {@code
 * -Dgolden.update=true} rewrites the expected file instead of failing.
 */
public final class GoldenFiles {
  private GoldenFiles() {}

  public static Path folder(String name) {
    return DevqAssertions.projectDir().resolve("src/test/resources/golden").resolve(name);
  }

  /** The input files of a golden folder with the given extension, sorted. */
  public static List<Path> inputs(String folder, String extension) {
    try (Stream<Path> files = Files.list(folder(folder))) {
      return files.filter(p -> p.toString().endsWith(extension)).sorted().toList();
    } catch (IOException e) {
      throw new AssertionError("cannot list golden folder " + folder, e);
    }
  }

  public static void assertMatches(Path expectedFile, String actual) throws IOException {
    String normalized = actual.replace("\r\n", "\n");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(expectedFile, normalized, StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(expectedFile)) {
      fail(
          expectedFile
              + " is missing; run mvn test -Dgolden.update=true and review it. Actual:\n"
              + normalized);
    }
    String expected = Files.readString(expectedFile, StandardCharsets.UTF_8).replace("\r\n", "\n");
    if (!expected.equals(normalized)) {
      fail("golden mismatch for " + expectedFile.getFileName() + "\n" + diff(expected, normalized));
    }
  }

  private static String diff(String expected, String actual) {
    String[] e = expected.split("\n", -1);
    String[] a = actual.split("\n", -1);
    var out = new StringBuilder();
    for (int i = 0; i < Math.max(e.length, a.length); i++) {
      String x = i < e.length ? e[i] : "<none>";
      String y = i < a.length ? a[i] : "<none>";
      if (!x.equals(y)) {
        out.append("line ")
            .append(i + 1)
            .append(":\n  - ")
            .append(x)
            .append("\n  + ")
            .append(y)
            .append('\n');
      }
    }
    return out.toString();
  }
}
