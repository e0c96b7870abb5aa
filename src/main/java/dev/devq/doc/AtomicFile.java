package dev.devq.doc;

import dev.devq.lang.AtomicReplace;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Map;

/**
 * Rewrites a review document with {@link AtomicReplace}, provided nobody wrote it since it was
 * read, and words why a file could not be written without the path of a temporary file.
 */
public final class AtomicFile {
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
  static void replace(Path target, byte[] expected, byte[] bytes, AtomicReplace.Io io)
      throws IOException {
    Path real = target.toRealPath();
    if (readOnly(real)) {
      throw new IOException("the file is read-only; make it writable (chmod u+w) for devq doc");
    }
    AtomicReplace.write(
        real,
        bytes,
        namingTheFolder(io),
        () -> {
          byte[] now = Files.readAllBytes(real);
          if (Arrays.equals(now, bytes)) {
            return false; // another run wrote the same results meanwhile
          }
          if (!Arrays.equals(now, expected)) {
            throw new Changed(target);
          }
          return true;
        });
  }

  /** {@code io}, but a folder that refuses the temporary file is named as the problem. */
  private static AtomicReplace.Io namingTheFolder(AtomicReplace.Io io) {
    return new AtomicReplace.Io() {
      @Override
      public Path temporaryBeside(Path file) throws IOException {
        try {
          return io.temporaryBeside(file);
        } catch (IOException e) {
          // the exception names the temporary file, which the user never asked about
          throw new IOException(
              "cannot create a temporary file in its folder "
                  + file.getParent()
                  + " ("
                  + reason(e)
                  + ")",
              e);
        }
      }

      @Override
      public void write(Path file, byte[] bytes) throws IOException {
        io.write(file, bytes);
      }

      @Override
      public void move(Path from, Path to) throws IOException {
        io.move(from, to);
      }
    };
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

  /**
   * Why a file could not be read or written, in plain words and without the path a {@link
   * FileSystemException} puts first (often a temporary file's): {@code permission denied}, {@code
   * the disk is full}, {@code the directory /x does not exist}. The one wording of an I/O failure
   * for every command: the name of a Java exception tells a user nothing.
   */
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
    if (e instanceof NotDirectoryException notDir && notDir.getFile() != null) {
      return notDir.getFile() + " is not a directory";
    }
    if (e instanceof FileSystemLoopException loop && loop.getFile() != null) {
      // a walk that follows links met one leading back up; the exception carries no reason
      return "the symbolic link " + loop.getFile() + " leads back to a folder above it (a loop)";
    }
    if (e instanceof DirectoryNotEmptyException full && full.getFile() != null) {
      return full.getFile() + " is a directory, and not empty";
    }
    if (e instanceof FileAlreadyExistsException taken && taken.getFile() != null) {
      // a file where a directory is to be made (calibrate's calibration/), or a name taken
      Path p = Path.of(taken.getFile());
      return p + " already exists" + (Files.isRegularFile(p) ? " as a file" : "");
    }
    // the system's own words (strerror), which a plain IOException carries as its message
    String why = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
    if (why == null || why.isEmpty()) {
      return "the system gave no reason";
    }
    String plain = SYSTEM_WORDS.get(why);
    // otherwise in lower case, as devq's messages are ("Operation not permitted")
    return plain != null ? plain : Character.toLowerCase(why.charAt(0)) + why.substring(1);
  }

  /** The system's words for failures a user can mend, said as what to mend. */
  private static final Map<String, String> SYSTEM_WORDS =
      Map.of(
          "No space left on device", "the disk is full",
          "Disk quota exceeded", "the disk quota is used up",
          "Read-only file system", "the file system is read-only",
          "Not a directory", "a part of the path is a file, not a directory",
          "Is a directory", "it is a directory",
          "File name too long", "the file name is too long",
          "Too many levels of symbolic links", "the symbolic links form a loop");
}
