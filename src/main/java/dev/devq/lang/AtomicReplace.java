package dev.devq.lang;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Replaces (or makes) a file devq writes for a user so that a reader, a crash or a full disk never
 * sees it half written: the new bytes go to a temporary file in the same directory (same file
 * system, so the move is a rename), are forced to disk, and only then moved over the target. Any
 * failure before the move leaves the old file as it was and removes the temporary file. Review
 * documents, figures, a saved REPL session, an imported model and a calibration are all written
 * this way.
 *
 * <pre>{@code
 * AtomicReplace.write(Path.of("profiles/models/m.yaml"), yaml.getBytes(StandardCharsets.UTF_8));
 * }</pre>
 */
public final class AtomicReplace {
  /** The steps that touch the disk, replaceable in tests to inject failures. */
  public interface Io {
    /** Makes an empty temporary file beside {@code file}, hidden and named after it. */
    default Path temporaryBeside(Path file) throws IOException {
      Path dir = file.toAbsolutePath().getParent();
      return Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
    }

    /** Writes {@code bytes} into the (empty) temporary {@code file} and forces them to disk. */
    void write(Path file, byte[] bytes) throws IOException;

    /** Moves the temporary file over the target. */
    void move(Path from, Path to) throws IOException;
  }

  /**
   * The last word before the move, once the new bytes are on disk: whether to move them over the
   * target (false leaves the target as it is), or an exception that stops the write.
   */
  public interface BeforeMove {
    boolean proceed() throws IOException;
  }

  /** The real disk. */
  public static final Io DISK =
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

  private AtomicReplace() {}

  /** Writes {@code bytes} to {@code file}, replacing it when it exists. */
  public static void write(Path file, byte[] bytes) throws IOException {
    write(file, bytes, DISK, () -> true);
  }

  /**
   * Writes {@code bytes} to {@code file} through {@code io}, moving them over it only when {@code
   * beforeMove} agrees. The temporary file is removed whatever happens.
   */
  public static void write(Path file, byte[] bytes, Io io, BeforeMove beforeMove)
      throws IOException {
    Path tmp = io.temporaryBeside(file);
    try {
      permissionsFor(file, tmp);
      io.write(tmp, bytes);
      if (beforeMove.proceed()) {
        io.move(tmp, file);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Gives {@code tmp} the permissions of the file it replaces, or rw-r--r-- for a new one. A
   * temporary file is private to its owner (rw-------), and a document, profile, figure or query
   * file devq writes is for everyone who reads the project. Nothing to do where the file system has
   * no POSIX permissions.
   */
  private static void permissionsFor(Path replaced, Path tmp) throws IOException {
    if (Files.getFileAttributeView(tmp, PosixFileAttributeView.class) == null) {
      return;
    }
    Files.setPosixFilePermissions(
        tmp,
        Files.exists(replaced)
            ? Files.getPosixFilePermissions(replaced)
            : PosixFilePermissions.fromString("rw-r--r--"));
  }
}
