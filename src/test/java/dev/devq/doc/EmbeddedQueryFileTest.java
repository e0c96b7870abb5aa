package dev.devq.doc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A document reads only .devq files of its own folder tree, capped in size, BOM removed. */
class EmbeddedQueryFileTest {
  @TempDir Path tmp;

  @Test
  void readsAQueryFileBelowTheDocumentWithoutItsByteOrderMark() throws Exception {
    Path doc = Files.createDirectories(tmp.resolve("doc/queries"));
    Files.writeString(doc.resolve("a.devq"), "\uFEFF1 < 2\n");
    assertEquals("1 < 2\n", EmbeddedQueryFile.read(tmp.resolve("doc"), null, "queries/a.devq"));
  }

  @Test
  void refusesASymbolicLinkThatLeadsOutOfTheTree() throws IOException {
    Path outside = Files.writeString(tmp.resolve("secret.devq"), "1 < 2");
    Path doc = Files.createDirectories(tmp.resolve("doc"));
    Files.createSymbolicLink(doc.resolve("link.devq"), outside);
    var e =
        assertThrows(
            EmbeddedQueryFile.Refused.class, () -> EmbeddedQueryFile.read(doc, null, "link.devq"));
    assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
  }

  @Test
  void refusesAFileOverTheCapWithoutReadingIt() throws IOException {
    Path doc = Files.createDirectories(tmp.resolve("doc"));
    try (var ch =
        java.nio.channels.FileChannel.open(
            doc.resolve("big.devq"),
            java.nio.file.StandardOpenOption.CREATE_NEW,
            java.nio.file.StandardOpenOption.WRITE)) {
      ch.position(EmbeddedQueryFile.MAX_BYTES + 10).write(java.nio.ByteBuffer.wrap(new byte[] {1}));
    }
    var e =
        assertThrows(
            EmbeddedQueryFile.Refused.class, () -> EmbeddedQueryFile.read(doc, null, "big.devq"));
    assertTrue(e.getMessage().contains("larger than"), e.getMessage());
  }

  @Test
  void refusesAFifo() throws Exception {
    Path doc = Files.createDirectories(tmp.resolve("doc"));
    Process mkfifo = new ProcessBuilder("mkfifo", doc.resolve("pipe.devq").toString()).start();
    assertEquals(0, mkfifo.waitFor());
    var e =
        assertThrows(
            EmbeddedQueryFile.Refused.class, () -> EmbeddedQueryFile.read(doc, null, "pipe.devq"));
    assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
  }
}
