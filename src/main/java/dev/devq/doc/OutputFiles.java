package dev.devq.doc;

import dev.devq.lang.AtomicReplace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Writes a file devq makes for a user (a figure, a saved REPL session; a new file or one written
 * before) so that nobody sees it half written: into a temporary file beside it, forced to disk,
 * then moved over it ({@link AtomicReplace}). Used by {@code devq plot}, review documents and the
 * REPL's {@code :save}.
 */
public final class OutputFiles {
  private OutputFiles() {}

  /**
   * Why {@code file} cannot be written as a new or replaced file, found before any work is done;
   * empty when nothing is known against it: a directory in its place, a missing directory to hold
   * it, or a file where a directory of its path should be.
   */
  public static String problem(Path given) {
    Path file;
    try {
      file = target(given);
    } catch (IOException e) {
      return AtomicFile.reason(e);
    }
    // a link that leads nowhere is written through, so what is said is said of where it leads
    String link = Files.isSymbolicLink(given) ? "it links to " + file + ", and " : "";
    if (Files.isDirectory(file)) {
      return link + "it is a directory";
    }
    Path dir = file.toAbsolutePath().getParent();
    String above = directoryProblem(dir);
    if (!above.isEmpty()) {
      return link + above;
    }
    return dir == null || Files.isDirectory(dir)
        ? ""
        : link + "the directory " + dir + " does not exist";
  }

  /**
   * Why {@code dir} cannot be made (or used) as a directory to write into; empty when it can, as
   * far as can be told without writing: the nearest part of its path that exists must be a
   * directory.
   */
  public static String directoryProblem(Path dir) {
    for (Path p = dir == null ? null : dir.toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.exists(p)) {
        return Files.isDirectory(p) ? "" : p + " is a file, not a directory";
      }
    }
    return "";
  }

  /**
   * Why the system refuses a new file beside {@code file} although its path passes {@link #problem}
   * (a directory without write permission, a read-only disk, {@code /proc}); empty when it accepts
   * one. Found by making and removing an empty temporary file there, as {@link #write} does, since
   * permission bits do not tell (root passes them, and {@code /proc} says it is writable).
   */
  public static String refusal(Path given) {
    Path file;
    try {
      file = target(given);
    } catch (IOException e) {
      return AtomicFile.reason(e);
    }
    Path dir = file.toAbsolutePath().getParent();
    try {
      Files.delete(AtomicReplace.DISK.temporaryBeside(file));
      return "";
    } catch (NoSuchFileException e) {
      // the directory exists (problem() said so), yet the new file "does not exist"
      return "the directory " + dir + " does not accept new files";
    } catch (IOException e) {
      return AtomicFile.reason(e);
    }
  }

  /**
   * Writes {@code text} to {@code given}, replacing it (or the file it links to) when it exists.
   */
  public static void write(Path given, String text) throws IOException {
    Path file = target(given);
    if (Files.isDirectory(file)) {
      // an empty directory would be replaced by the file
      throw new FileSystemException(given.toString(), null, "it is a directory");
    }
    AtomicReplace.write(file, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The file a write replaces or makes: through a symbolic link, as devq doc writes a document, so
   * the link stays a link and the new file is made beside the one it links to. A link whose target
   * is missing is followed too (link by link, each relative to its own folder): moving the new file
   * onto the link itself would replace the link with a plain file.
   */
  private static Path target(Path given) throws IOException {
    if (Files.exists(given)) {
      return given.toRealPath();
    }
    Path file = given;
    for (int hops = 0; Files.isSymbolicLink(file); hops++) {
      if (hops == MAX_LINKS) {
        throw new FileSystemException(given.toString(), null, "too many levels of symbolic links");
      }
      Path parent = file.toAbsolutePath().getParent();
      Path next = Files.readSymbolicLink(file);
      file = parent == null ? next : parent.resolve(next);
    }
    return file;
  }

  /** Links followed before giving up, as Linux's path lookup does (a loop never ends). */
  private static final int MAX_LINKS = 40;
}
