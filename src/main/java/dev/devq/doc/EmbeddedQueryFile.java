package dev.devq.doc;

import dev.devq.lang.PathFence;
import dev.devq.lang.UserFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the query file a fence names ({@code ```devq file=queries/camera.devq}). CI runs {@code
 * devq doc --check} on documents it did not write, so a document may only read {@code .devq} files
 * inside its own folder tree (or the {@code --root} folder): no absolute paths out of it, no {@code
 * ..} past it, no symbolic link leading out, no devices, FIFOs or {@code /proc} files, nothing over
 * {@link #MAX_BYTES}. A refused file's content is never read, so it is never echoed in an error.
 */
final class EmbeddedQueryFile {
  /** The largest query file a document may embed. */
  static final long MAX_BYTES = 4L << 20;

  /**
   * Why a file was not read: a path that names nothing readable ({@link InputPath}), or a refusal
   * of this rule, whose message is a sentence fragment ("is outside the document's folder").
   */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    /** The path's problem in {@link InputPath}'s words; null for a refusal of this rule. */
    private final transient InputPath.Problem unreadable;

    Refused(String message) {
      super(message, null, false, false);
      this.unreadable = null;
    }

    Refused(InputPath.Problem unreadable) {
      super(unreadable.message(), null, false, false);
      this.unreadable = unreadable;
    }

    /**
     * The refusal as a problem: {@link InputPath}'s, or this rule's message after {@code subject}
     * ("cannot read the query file 'q.devq': it", "profile folder 'p'").
     */
    InputPath.Problem problem(String subject) {
      return unreadable != null
          ? unreadable
          : new InputPath.Problem(subject + " " + getMessage(), "");
    }
  }

  private EmbeddedQueryFile() {}

  /**
   * The text of {@code arg} relative to the document's folder {@code dir}, which must lie inside
   * {@code root} ({@code devq doc --root}), or inside {@code dir} itself when {@code root} is null.
   */
  static String read(Path dir, Path root, String arg) throws Refused {
    Path file = confined(dir, root, arg);
    if (!file.getFileName().toString().endsWith(".devq")) {
      throw new Refused("is not a query file (.devq)");
    }
    try {
      if (!Files.exists(file)) {
        throw new Refused(InputPath.problem(file, arg, InputPath.Kind.FILE).orElseThrow());
      }
      // a link leading out is refused before the file it names is looked at
      return InputPath.text(reallyInside(dir, root, file), arg, MAX_BYTES);
    } catch (InputPath.Unreadable e) {
      throw new Refused(e.problem());
    } catch (UserFile.Refused e) {
      throw new Refused(e.getMessage());
    } catch (IOException e) {
      throw new Refused("cannot be read: " + AtomicFile.reason(e));
    }
  }

  /**
   * The one confinement rule of a document's paths (query files and front-matter profile folders):
   * {@code arg} resolved against the document's folder {@code dir}, refused when it lies outside
   * {@code root}, or outside {@code dir} when {@code root} is null.
   */
  static Path confined(Path dir, Path root, String arg) throws Refused {
    try {
      return fence(dir, root).resolve(base(dir), arg);
    } catch (PathFence.Outside e) {
      throw new Refused("is outside " + outside(root));
    }
  }

  /** The real path of an existing {@link #confined} path, refused when a link leads out. */
  static Path reallyInside(Path dir, Path root, Path file) throws IOException, Refused {
    try {
      return fence(dir, root).real(file);
    } catch (PathFence.Outside e) {
      throw new Refused("leads outside " + outside(root) + " through a symbolic link");
    }
  }

  /**
   * Refuses a front-matter profile folder with anything below it, reached as the profile loader
   * reaches it (following links, into linked folders too, the folder itself a link), whose real
   * path leads out of the fence: a link to {@code /etc/os-release} in {@code models/} would be
   * read, and its lines echoed in an error.
   */
  static void noLinkLeadsOut(Path dir, Path root, Path folder) throws IOException, Refused {
    List<Path> entries;
    try (Stream<Path> walk = Files.walk(folder, FileVisitOption.FOLLOW_LINKS)) {
      entries = walk.toList();
    } catch (UncheckedIOException e) {
      throw new Refused("cannot be read whole: " + AtomicFile.reason(e.getCause()));
    }
    for (Path entry : entries) {
      String name = base(folder).relativize(base(entry)).toString();
      try {
        reallyInside(dir, root, entry);
      } catch (Refused e) {
        throw new Refused(
            "holds "
                + (name.isEmpty() ? "a link" : name)
                + ", which leads outside "
                + outside(root)
                + " through a symbolic link");
      } catch (IOException e) {
        throw new Refused("holds " + name + ", a symbolic link that leads to no file");
      }
    }
  }

  private static Path base(Path dir) {
    return (dir == null ? Path.of("") : dir).toAbsolutePath().normalize();
  }

  private static PathFence fence(Path dir, Path root) {
    return new PathFence(root == null ? base(dir) : root);
  }

  private static String outside(Path root) {
    return root == null
        ? "the document's folder; a document reads only files below it (or below --root)"
        : "the --root folder " + root;
  }
}
