package dev.devq.doc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.lang.AtomicReplace;
import dev.devq.lang.FailingDisks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault injection: whatever fails before the final move (writing the temporary file, the move
 * itself, an editor saving the document meanwhile), the original document is left byte for byte and
 * no temporary file stays behind.
 */
class AtomicWriteTest {
  private static final String DOC =
      "# Review\r\n\r\n```devq\r\nsize(mobilenet_v2) < 10MB\r\n```\r\nafter\r\n";

  @TempDir Path dir;

  @Test
  void failedWriteLeavesTheOriginal() throws IOException {
    assertOriginalKept(FailingDisks.FULL, "the disk is full");
  }

  @Test
  void failedMoveLeavesTheOriginal() throws IOException {
    assertOriginalKept(FailingDisks.FAILING_MOVE, "operation not permitted");
  }

  @Test
  void documentEditedMeanwhileIsNotOverwritten() throws IOException {
    Path doc = write();
    byte[] edited = (DOC + "a line the editor saved\r\n").getBytes(StandardCharsets.UTF_8);
    AtomicReplace.Io racing =
        new AtomicReplace.Io() {
          @Override
          public void write(Path file, byte[] bytes) throws IOException {
            AtomicReplace.DISK.write(file, bytes);
            Files.write(doc, edited);
          }

          @Override
          public void move(Path from, Path to) throws IOException {
            AtomicReplace.DISK.move(from, to);
          }
        };
    DocReport report = ReviewDocuments.run(DevqAssertions.devq(), doc, true, null, racing);
    assertEquals(
        doc
            + " was changed by another devq doc run or an editor while this run was updating it;"
            + " this run wrote nothing: run devq doc "
            + doc
            + " again to check it",
        report.writeError());
    assertFalse(report.writeError().contains("unchanged"), report.writeError());
    assertArrayEquals(edited, Files.readAllBytes(doc));
    assertEquals(List.of(doc), files());
  }

  /**
   * Two runs read the same stale document; the other one finishes first. This one then finds the
   * results it was about to write already there: no error, and it does not claim the document was
   * left unchanged.
   */
  @Test
  void aConcurrentRunThatWroteTheSameResultsIsNoConflict() throws IOException {
    Path doc = write();
    AtomicReplace.Io slow =
        new AtomicReplace.Io() {
          @Override
          public void write(Path file, byte[] bytes) throws IOException {
            AtomicReplace.DISK.write(file, bytes);
            DocReport other = ReviewDocuments.run(DevqAssertions.devq(), doc, true, null);
            assertTrue(other.written() && other.ok(), other.writeError());
          }

          @Override
          public void move(Path from, Path to) {
            throw new AssertionError("nothing left to move: the other run wrote these bytes");
          }
        };
    DocReport report = ReviewDocuments.run(DevqAssertions.devq(), doc, true, null, slow);
    assertTrue(report.ok(), report.writeError());
    assertTrue(report.written());
    assertTrue(Files.readString(doc).contains("<!-- devq:end -->"));
    assertEquals(List.of(doc), files(), "the temporary file must be removed");
  }

  @Test
  void aReadOnlyDocumentIsNamedAndKept() throws IOException {
    Path doc = write();
    Files.setPosixFilePermissions(
        doc, java.nio.file.attribute.PosixFilePermissions.fromString("r--r--r--"));
    DocReport report = ReviewDocuments.run(DevqAssertions.devq(), doc, true, null);
    assertEquals(
        "cannot write "
            + doc
            + ": the file is read-only; make it writable (chmod u+w) for devq doc; the document"
            + " is unchanged",
        report.writeError());
    assertArrayEquals(DOC.getBytes(StandardCharsets.UTF_8), Files.readAllBytes(doc));
    assertEquals(List.of(doc), files());
  }

  /** A permission error names the temporary file; the message names the document instead. */
  @Test
  void aDeniedWriteNamesTheDocumentNotTheTemporaryFile() throws IOException {
    Path doc = write();
    AtomicReplace.Io denied =
        new AtomicReplace.Io() {
          @Override
          public void write(Path file, byte[] bytes) throws IOException {
            throw new java.nio.file.AccessDeniedException(file.toString());
          }

          @Override
          public void move(Path from, Path to) {
            throw new AssertionError("must not move after a failed write");
          }
        };
    DocReport report = ReviewDocuments.run(DevqAssertions.devq(), doc, true, null, denied);
    assertEquals(
        "cannot write " + doc + ": permission denied; the document is unchanged",
        report.writeError());
    assertFalse(report.writeError().contains(".tmp"), report.writeError());
    assertEquals(List.of(doc), files());
  }

  @Test
  void successfulWriteReplacesTheFileAndKeepsItsPermissions() throws IOException {
    Path doc = write();
    Files.setPosixFilePermissions(
        doc, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----"));
    DocReport report =
        ReviewDocuments.run(DevqAssertions.devq(), doc, true, null, AtomicReplace.DISK);
    assertTrue(report.written());
    String text = Files.readString(doc);
    assertTrue(text.startsWith(DOC.substring(0, DOC.indexOf("after"))), text);
    assertTrue(text.contains("<!-- devq:end -->\r\nafter\r\n"), text);
    assertEquals(
        "rw-r-----",
        java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(doc)));
    assertEquals(List.of(doc), files());
  }

  private void assertOriginalKept(AtomicReplace.Io io, String why) throws IOException {
    Path doc = write();
    DocReport report = ReviewDocuments.run(DevqAssertions.devq(), doc, true, null, io);
    assertFalse(report.written());
    assertTrue(report.writeError().contains(why), report.writeError());
    assertArrayEquals(DOC.getBytes(StandardCharsets.UTF_8), Files.readAllBytes(doc));
    assertEquals(List.of(doc), files(), "the temporary file must be removed");
  }

  private Path write() throws IOException {
    Path doc = dir.resolve("review.md");
    Files.write(doc, DOC.getBytes(StandardCharsets.UTF_8));
    return doc;
  }

  private List<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    }
  }
}
