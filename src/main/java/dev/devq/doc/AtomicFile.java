package dev.devq.doc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;

/**
 * Replaces a file so that a reader, a crash or a full disk never sees it half written: the new
 * bytes go to a temporary file in the same directory (same file system, so the move is a rename),
 * are forced to disk, and only then moved over the original. Any failure before the move leaves the
 * original as it was and removes the temporary file.
 */
public final class AtomicFile {
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
   * The file no longer holds what was read: another {@code devq doc} run or an editor wrote it
   * meanwhile. Its message names the document and says that this run wrote nothing.
   */
  static final class Changed extends IOException {
    private static final long serialVersionUID = 1L;

    Changed(Path target) {
      super(
          target
              + " was changed by another devq doc run or an editor while this run was updating it;"
              + " this run wrote nothing: run devq doc "
              + target
              + " again to check it");
    }
  }

  /**
   * Writes {@code bytes} over {@code target}, provided it still holds {@code expected} (what was
   * read and evaluated): an editor saving in between is reported ({@link Changed}), not
   * overwritten. When another run already wrote exactly {@code bytes}, there is nothing to do.
   */
  static void replace(Path target, byte[] expected, byte[] bytes, Io io) throws IOException {
    Path real = target.toRealPath();
    if (readOnly(real)) {
      throw new IOException("the file is read-only; make it writable (chmod u+w) for devq doc");
    }
    Path tmp;
    try {
      tmp = Files.createTempFile(real.getParent(), "." + real.getFileName() + ".", ".tmp");
    } catch (IOException e) {
      // the exception names the temporary file, which the user never asked about
      throw new IOException(
          "cannot create a temporary file in its folder "
              + real.getParent()
              + " ("
              + reason(e)
              + ")",
          e);
    }
    boolean moved = false;
    try {
      keepPermissions(real, tmp);
      io.write(tmp, bytes);
      byte[] now = Files.readAllBytes(real);
      if (Arrays.equals(now, bytes)) {
        return; // another run wrote the same results meanwhile
      }
      if (!Arrays.equals(now, expected)) {
        throw new Changed(target);
      }
      io.move(tmp, real);
      moved = true;
    } finally {
      if (!moved) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  /**
   * Whether the owner took write permission away. Checked by the permission bits, since the owner
   * (or root) could otherwise replace the file through its folder.
   */
  private static boolean readOnly(Path file) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
    if (view != null) {
      return !view.readAttributes().permissions().contains(PosixFilePermission.OWNER_WRITE);
    }
    return !Files.isWritable(file);
  }

  /** What went wrong, without the path a {@link FileSystemException} puts first. */
  public static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException missing && missing.getFile() != null) {
      // its message is the path alone, often of a temporary file beside the one the user named
      Path dir = Path.of(missing.getFile()).toAbsolutePath().getParent();
      return dir == null || Files.isDirectory(dir)
          ? "no such file"
          : "the directory " + dir + " does not exist";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** A temporary file is private to its owner; the document keeps the permissions it had. */
  private static void keepPermissions(Path from, Path to) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(from, PosixFileAttributeView.class);
    if (view != null) {
      Files.setPosixFilePermissions(to, view.readAttributes().permissions());
    }
  }
}
