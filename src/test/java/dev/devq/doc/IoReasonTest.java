package dev.devq.doc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NotDirectoryException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every command words an I/O failure with {@link AtomicFile#reason}: the reason in plain words,
 * never a path of a temporary file or the name of a Java exception.
 */
class IoReasonTest {
  private static final String TMP = "/data/out/.fit.yaml.123.tmp";

  @Test
  void theSystemsCommonFailuresAreSaidAsWhatToMend() {
    List<List<Object>> cases =
        List.of(
            List.of(new AccessDeniedException(TMP), "permission denied"),
            List.of(new IOException("No space left on device"), "the disk is full"),
            List.of(
                new FileSystemException(TMP, null, "Disk quota exceeded"),
                "the disk quota is used up"),
            List.of(
                new FileSystemException(TMP, null, "Read-only file system"),
                "the file system is read-only"),
            List.of(
                new FileSystemException(TMP, null, "Not a directory"),
                "a part of the path is a file, not a directory"),
            List.of(
                new NotDirectoryException("/data/notes.txt"), "/data/notes.txt is not a directory"),
            List.of(
                new FileSystemException(TMP, null, "Operation not permitted"),
                "operation not permitted"),
            List.of(
                new DirectoryNotEmptyException("/data/fit.yaml"),
                "/data/fit.yaml is a directory, and not empty"),
            List.of(
                new FileSystemLoopException("/data/a/loop"),
                "the symbolic link /data/a/loop leads back to a folder above it (a loop)"),
            List.of(new IOException((String) null), "the system gave no reason"),
            List.of(new FileSystemException(TMP), "the system gave no reason"));
    for (List<Object> c : cases) {
      assertEquals(c.get(1), AtomicFile.reason((IOException) c.get(0)), c.get(0).toString());
    }
  }
}
