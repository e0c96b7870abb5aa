package dev.devq.doc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Arrays;

/**
 * Replaces a file so that a reader, a crash or a full disk never sees it half written: the new
 * bytes go to a temporary file in the same directory (same file system, so the move is a rename),
 * are forced to disk, and only then moved over the original. Any failure before the move leaves the
 * original as it was and removes the temporary file.
 */
final class AtomicFile {
  /** The two steps that touch the disk, replaceable in tests to inject failures. */
  interface Io {
    void write(Path file, byte[] bytes) throws IOException;

    void move(Path from, Path to) throws IOException;
  }

  static final Io DISK =
      new Io() {
        @Override
        public void write(Path file, byte[] bytes) throws IOException {
          try (FileChannel ch =
              FileChannel.open(
                  file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
              ch.write(buf);
            }
            ch.force(true);
          }
        }

        @Override
        public void move(Path from, Path to) throws IOException {
          try {
            Files.move(
                from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
          } catch (AtomicMoveNotSupportedException e) {
            // Same directory, so this is still a rename on every common file system.
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      };

  private AtomicFile() {}

  /**
   * Writes {@code bytes} over {@code target}, provided it still holds {@code expected} (what was
   * read and evaluated): an editor saving in between is reported, not overwritten.
   */
  static void replace(Path target, byte[] expected, byte[] bytes, Io io) throws IOException {
    Path real = target.toRealPath();
    Path tmp = Files.createTempFile(real.getParent(), "." + real.getFileName() + ".", ".tmp");
    boolean moved = false;
    try {
      keepPermissions(real, tmp);
      io.write(tmp, bytes);
      if (!Arrays.equals(Files.readAllBytes(real), expected)) {
        throw new IOException("the file changed while devq was updating it; run devq doc again");
      }
      io.move(tmp, real);
      moved = true;
    } finally {
      if (!moved) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  /** A temporary file is private to its owner; the document keeps the permissions it had. */
  private static void keepPermissions(Path from, Path to) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(from, PosixFileAttributeView.class);
    if (view != null) {
      Files.setPosixFilePermissions(to, view.readAttributes().permissions());
    }
  }
}
