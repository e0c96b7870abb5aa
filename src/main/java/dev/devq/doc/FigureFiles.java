package dev.devq.doc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a figure (a new file or one devq drew before) so that nobody sees it half written: into a
 * temporary file beside it, forced to disk, then moved over it ({@link AtomicFile}'s steps). Used
 * by {@code devq plot} and by review documents.
 */
public final class FigureFiles {
  private FigureFiles() {}

  /** Writes {@code text} to {@code file}, replacing it when it exists. */
  public static void write(Path file, String text) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
    try {
      readable(file, tmp);
      AtomicFile.DISK.write(tmp, text.getBytes(StandardCharsets.UTF_8));
      AtomicFile.DISK.move(tmp, file);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * A temporary file is private to its owner, but a figure is for everyone who reads the document:
   * it keeps the permissions of the file it replaces, or gets rw-r--r--.
   */
  private static void readable(Path file, Path tmp) throws IOException {
    if (Files.getFileAttributeView(tmp, PosixFileAttributeView.class) == null) {
      return;
    }
    Files.setPosixFilePermissions(
        tmp,
        Files.exists(file)
            ? Files.getPosixFilePermissions(file)
            : PosixFilePermissions.fromString("rw-r--r--"));
  }
}
