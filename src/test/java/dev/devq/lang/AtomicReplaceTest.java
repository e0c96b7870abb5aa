package dev.devq.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one way devq replaces a file (a review document, a figure, {@code :save}, an imported model,
 * a calibration): whatever fails before the move, the old file keeps every byte and no temporary
 * file stays behind; a write that succeeds replaces it and keeps its permissions.
 */
class AtomicReplaceTest {
  private static final String OLD = "fitted_on: \"mine.csv (12 rows)\"\n";
  private static final byte[] NEW = "fitted_on: \"theirs.csv\"\n".getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;

  @Test
  void aFailedWriteLeavesTheOldFileIntact() throws IOException {
    Path file = old();
    IOException e =
        assertThrows(
            IOException.class, () -> AtomicReplace.write(file, NEW, FailingDisks.FULL, () -> true));
    assertEquals("No space left on device", e.getMessage());
    assertEquals(OLD, Files.readString(file));
    assertEquals(List.of(file), files(), "the temporary file must be removed");
  }

  @Test
  void aFailedMoveLeavesTheOldFileIntact() throws IOException {
    Path file = old();
    assertThrows(
        IOException.class,
        () -> AtomicReplace.write(file, NEW, FailingDisks.FAILING_MOVE, () -> true));
    assertEquals(OLD, Files.readString(file));
    assertEquals(List.of(file), files(), "the temporary file must be removed");
  }

  @Test
  void aRefusalBeforeTheMoveLeavesTheOldFileIntact() throws IOException {
    Path file = old();
    AtomicReplace.write(file, NEW, AtomicReplace.DISK, () -> false);
    assertEquals(OLD, Files.readString(file));
    assertEquals(List.of(file), files(), "the temporary file must be removed");
  }

  @Test
  void aReplacedFileKeepsItsPermissions() throws IOException {
    Path file = old();
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    AtomicReplace.write(file, NEW);
    assertEquals(new String(NEW, StandardCharsets.UTF_8), Files.readString(file));
    assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals(List.of(file), files());
  }

  /** A temporary file is private to its owner; a new file devq writes is for every reader. */
  @Test
  void aNewFileIsReadableByEveryone() throws IOException {
    Path file = dir.resolve("fit.yaml");
    AtomicReplace.write(file, NEW);
    assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
  }

  private Path old() throws IOException {
    return Files.writeString(dir.resolve("fit.yaml"), OLD);
  }

  private List<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    }
  }
}
