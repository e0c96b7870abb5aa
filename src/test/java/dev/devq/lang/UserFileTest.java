package dev.devq.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every file a user names is read through {@link UserFile}: what it refuses and what it drops. */
class UserFileTest {
  @TempDir Path dir;

  /** A named pipe nobody writes to: opening it for reading would block forever. */
  static Path fifo(Path dir, String name) throws IOException, InterruptedException {
    Path fifo = dir.resolve(name);
    Process p = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
    assertEquals(0, p.waitFor(), "mkfifo failed");
    return fifo;
  }

  @Test
  void aFifoIsRefusedWithoutBlocking() throws Exception {
    Path fifo = fifo(dir, "pipe.csv");
    UserFile.Refused e =
        assertTimeoutPreemptively(
            Duration.ofSeconds(10),
            () -> assertThrows(UserFile.Refused.class, () -> UserFile.text(fifo, 100)));
    assertEquals("is not a regular file (a FIFO, socket or device is never read)", e.getMessage());
  }

  @Test
  void aFileOverTheCapIsRefusedBeforeReading() throws Exception {
    Path big = dir.resolve("big.devq");
    Files.writeString(big, "1 < 2\n".repeat(100));
    UserFile.Refused e = assertThrows(UserFile.Refused.class, () -> UserFile.text(big, 599));
    assertEquals("is larger than 599 bytes, the most devq reads", e.getMessage());
    assertEquals(600, UserFile.text(big, 600).length());
  }

  @Test
  void aLeadingByteOrderMarkIsDroppedAndOnlyThatOne() throws Exception {
    Path f = dir.resolve("bom.csv");
    Files.write(f, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', ',', 'b'});
    assertEquals("a,b", UserFile.text(f, 100));
    assertEquals("x\uFEFFy", UserFile.withoutBom("\uFEFFx\uFEFFy"));
  }

  @Test
  void binaryDirectoriesAndMissingFilesAreRefused() throws IOException {
    Path bin = dir.resolve("bin.csv");
    Files.write(bin, new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 1});
    assertEquals(
        "is not UTF-8 text (the byte 0xFF on line 1, column 1)",
        assertThrows(UserFile.Refused.class, () -> UserFile.text(bin, 100)).getMessage());
    assertEquals(
        "is a directory, not a file",
        assertThrows(UserFile.Refused.class, () -> UserFile.text(dir, 100)).getMessage());
    assertEquals(
        "does not exist",
        assertThrows(UserFile.Refused.class, () -> UserFile.text(dir.resolve("no"), 100))
            .getMessage());
  }

  /**
   * A Latin-1 {@code é} deep in a review is named with its line and column (in characters, so the
   * {@code µ} before it counts once), and a multi-byte character cut short at the end is found too.
   */
  @Test
  void theFirstByteThatIsNotUtf8IsNamedWithItsPlace() throws IOException {
    Path latin1 = dir.resolve("review.md");
    byte[] head = "# review\n\n```devq\n\"µs caf".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = Arrays.copyOf(head, head.length + 2);
    bytes[head.length] = (byte) 0xE9;
    bytes[head.length + 1] = '"';
    Files.write(latin1, bytes);
    assertEquals(
        "is not UTF-8 text (the byte 0xE9 on line 4, column 8)",
        assertThrows(UserFile.Refused.class, () -> UserFile.text(latin1, 1000)).getMessage());
    Path cut = dir.resolve("cut.devq");
    Files.write(cut, new byte[] {'1', '\n', (byte) 0xC3});
    assertEquals(
        "is not UTF-8 text (the byte 0xC3 on line 2, column 1)",
        assertThrows(UserFile.Refused.class, () -> UserFile.text(cut, 1000)).getMessage());
  }

  @Test
  void aDeviceIsNeverRead() {
    Path zero = Path.of("/dev/zero");
    if (Files.exists(zero)) {
      assertTrue(
          assertThrows(UserFile.Refused.class, () -> UserFile.text(zero, 100))
              .getMessage()
              .contains("not a regular file"));
    }
  }
}
