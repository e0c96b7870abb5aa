package dev.devq.doc;

import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import dev.devq.lang.Suggestions;
import dev.devq.lang.UserFile;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one rule for a path the user gave (a command's file argument, {@code --profiles}, {@code
 * --root}, a fence's {@code file=}, a front-matter profile folder, the folder of {@code -o}): when
 * it names nothing readable of the kind wanted, that is bad input (exit 2) with the code {@link
 * DiagnosticCode#INPUT_FILE}, said in one of three shapes, with a did-you-mean when a near name
 * exists in the same folder:
 *
 * <pre>{@code
 * no such file: reveiw.md            = did you mean 'review.md'?
 * docs is a folder, not a file
 * cannot read review.md: permission denied
 * }</pre>
 *
 * A failure while reading or writing a file that exists stays {@link DiagnosticCode#IO} (exit 3).
 */
public final class InputPath {
  /** What the path must name. */
  public enum Kind {
    FILE,
    FOLDER,
    /** {@code devq check PATH}: a file to run, or a folder to search. */
    FILE_OR_FOLDER
  }

  /**
   * Why a path cannot be read: the message and a did-you-mean note, or an empty note when no name
   * in its folder is near.
   */
  public record Problem(String message, String note) {
    /** The problem as a diagnostic at {@code span} of {@code source}. */
    public Diagnostic at(SourceText source, Span span) {
      Diagnostic d = Diagnostic.error(DiagnosticCode.INPUT_FILE, message, source, span);
      return note.isEmpty() ? d : d.withNote(note);
    }

    /** The problem of the file {@code name} as a whole: a diagnostic at its start. */
    public Diagnostic atStart(String name) {
      return at(new SourceText(name, ""), Span.at(0));
    }
  }

  private InputPath() {}

  /** {@link #problem(Path, String, Kind)} with the path shown as it is written. */
  public static Optional<Problem> problem(Path path, Kind kind) {
    return problem(path, path.toString(), kind);
  }

  /**
   * Why {@code path}, shown to the user as {@code shown} (a fence's {@code file=} is shown as
   * written in the document, not resolved), names nothing readable of {@code kind}; empty when it
   * does. A FIFO, socket or device is refused too, before it is opened: opening a FIFO blocks.
   */
  public static Optional<Problem> problem(Path path, String shown, Kind kind) {
    Optional<Problem> named = named(path, shown, kind);
    if (named.isPresent()) {
      return named;
    }
    try {
      if (Files.isDirectory(path)) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
          entries.iterator().hasNext();
        }
      } else {
        Files.newByteChannel(path, StandardOpenOption.READ).close();
      }
    } catch (IOException e) {
      return Optional.of(of(e, shown));
    }
    return Optional.empty();
  }

  /**
   * Why a path names nothing readable (an {@link InputPath} problem), thrown by {@link #bytes}
   * where a refusal of what the file holds is a {@link UserFile.Refused}.
   */
  public static final class Unreadable extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    Unreadable(Problem problem) {
      super(problem.message(), null, false, false);
      this.problem = problem;
    }

    public Problem problem() {
      return problem;
    }
  }

  /**
   * The bytes of the file {@code path} (shown as {@code shown}), at most {@code maxBytes}, in one
   * opening that both checks it can be read and reads it: a path that names no readable file is an
   * {@link Unreadable} in this class's words, a file too large a {@link UserFile.Refused}.
   */
  public static byte[] bytes(Path path, String shown, long maxBytes)
      throws Unreadable, UserFile.Refused {
    Optional<Problem> named = named(path, shown, Kind.FILE);
    if (named.isPresent()) {
      throw new Unreadable(named.get());
    }
    try (SeekableByteChannel channel = Files.newByteChannel(path, StandardOpenOption.READ)) {
      return UserFile.bytes(channel, maxBytes);
    } catch (IOException e) {
      throw new Unreadable(of(e, shown));
    }
  }

  /** {@link #bytes} as UTF-8 text without a leading byte-order mark. */
  public static String text(Path path, String shown, long maxBytes)
      throws Unreadable, UserFile.Refused {
    return UserFile.withoutBom(UserFile.decode(bytes(path, shown, maxBytes)));
  }

  /**
   * What is wrong with a path before it is opened: nothing there, a folder where a file is wanted
   * or the reverse, a FIFO, socket or device (opening a FIFO blocks).
   */
  private static Optional<Problem> named(Path path, String shown, Kind kind) {
    if (!Files.exists(path)) {
      String missing = kind == Kind.FOLDER ? "no such folder: " : "no such file: ";
      return Optional.of(new Problem(missing + shown, nearName(path, shown, kind)));
    }
    boolean folder = Files.isDirectory(path);
    if (kind == Kind.FILE && folder) {
      return Optional.of(new Problem(shown + " is a folder, not a file", ""));
    }
    if (kind == Kind.FOLDER && !folder) {
      return Optional.of(new Problem(shown + " is a file, not a folder", ""));
    }
    if (!folder && !Files.isRegularFile(path)) {
      return Optional.of(
          unreadable(shown, "it is not a regular file (a FIFO, socket or device is never read)"));
    }
    return Optional.empty();
  }

  /**
   * The problem an exception opening an existing path stands for: {@code cannot read PATH:
   * permission denied}, or the system's reason in the same shape.
   */
  public static Problem of(IOException e, String shown) {
    return unreadable(
        shown, e instanceof AccessDeniedException ? "permission denied" : AtomicFile.reason(e));
  }

  /**
   * The shape of every other reason an existing file is not read ({@code it is not UTF-8 text},
   * {@code it is larger than 64 MB}): {@code cannot read PATH: REASON}.
   */
  public static Problem unreadable(String shown, String reason) {
    return new Problem("cannot read " + shown + ": " + reason, "");
  }

  /**
   * The refusal of the file {@code name} as a diagnostic: at its first byte that is not UTF-8 where
   * that is why (the line shown with the byte as U+FFFD), else at the start of the file.
   */
  public static Diagnostic refused(String name, UserFile.Refused e) {
    Problem problem = unreadable(name, "it " + e.getMessage());
    return e.place()
        .map(p -> problem.at(new SourceText(name, p.text()), new Span(p.offset(), p.offset() + 1)))
        .orElseGet(() -> problem.atStart(name));
  }

  /**
   * "did you mean 'docs/review.md'?" when the folder the missing path names holds an entry of the
   * kind wanted whose name is near; empty otherwise (no such folder either, nothing near).
   */
  private static String nearName(Path path, String shown, Kind kind) {
    Path name = path.getFileName();
    Path dir = path.toAbsolutePath().getParent();
    if (name == null || dir == null || !Files.isDirectory(dir)) {
      return "";
    }
    List<String> candidates = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        boolean folder = Files.isDirectory(entry);
        if (kind == Kind.FILE_OR_FOLDER || folder == (kind == Kind.FOLDER)) {
          candidates.add(entry.getFileName().toString());
        }
      }
    } catch (IOException | RuntimeException e) {
      return ""; // a folder that cannot be listed offers no suggestion, and is no error of its own
    }
    // a missing "-x.devq" is never "devq": a name with an extension is near only names with it
    String wanted = name.toString();
    int dot = wanted.lastIndexOf('.');
    if (dot > 0) {
      String extension = wanted.substring(dot);
      candidates.removeIf(c -> !c.endsWith(extension));
    }
    String best = Suggestions.closest(wanted, candidates);
    if (best.isEmpty()) {
      return "";
    }
    // the suggestion is written as the user wrote the path: only its last name changes
    int slash = Math.max(shown.lastIndexOf('/'), shown.lastIndexOf('\\'));
    return Suggestions.meant(shown.substring(0, slash + 1) + best);
  }
}
