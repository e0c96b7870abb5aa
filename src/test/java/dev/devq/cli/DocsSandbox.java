package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.devq.DevqAssertions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A temporary copy of the project's folders that a docs example writes into, so that {@link
 * DocsTourTest} runs {@code devq doc} (and the hand edits a page describes before it) without
 * changing a byte of the project: a file the example names, {@code queries/review-example.md}, is
 * copied with its folder (the query files and figures beside it) to the same relative path under
 * the sandbox, and the sandbox's path is taken out of what the command prints.
 */
final class DocsSandbox implements AutoCloseable {
  private final Path root;

  DocsSandbox() {
    try {
      root = Files.createTempDirectory("devq-docs");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The sandbox's folder, where a plot's {@code -o} file goes too. */
  Path root() {
    return root;
  }

  /**
   * The sandbox's copy of a project file, {@code file} relative to the project: its whole folder is
   * copied the first time, since a review document reads the query files beside it.
   */
  Path copy(String file) {
    Path copied = root.resolve(file);
    if (Files.exists(copied)) {
      return copied;
    }
    Path project = DevqAssertions.projectDir();
    Path folder = project.resolve(file).getParent();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Path to = root.resolve(project.relativize(f).toString());
        Files.createDirectories(to.getParent());
        Files.copy(f, to, StandardCopyOption.COPY_ATTRIBUTES);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return copied;
  }

  /**
   * Whether {@code argument} names a file of the project, which a command in the sandbox copies.
   */
  static boolean namesProjectFile(String argument) {
    return !argument.startsWith("-")
        && !argument.startsWith("../")
        && !Path.of(argument).isAbsolute()
        && Files.isRegularFile(DevqAssertions.projectDir().resolve(argument));
  }

  /** What a command printed with the sandbox's paths made the project's again. */
  String unsandboxed(String printed) {
    return printed.replace(root + "/", "");
  }

  /** Makes the edit in the sandbox's copy of its file; the text it replaces must be there once. */
  void apply(Edit edit) {
    Path file = copy(edit.file());
    try {
      String text = Files.readString(file);
      int count = text.split(Pattern.quote(edit.from()), -1).length - 1;
      assertEquals(1, count, "\"" + edit.from() + "\" occurs once in " + edit.file());
      Files.writeString(file, text.replace(edit.from(), edit.to()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A change a page makes to a file before the example under it runs, written in an HTML comment
   * (invisible where the page is read) before the code block: {@code <!-- docs-tour: in
   * queries/review-example.md "< 10MB" becomes "< 8MB" -->}.
   */
  record Edit(String file, String from, String to) {
    private static final Pattern SYNTAX =
        Pattern.compile("in (\\S+) \"([^\"]+)\" becomes \"([^\"]*)\"");

    /** The edit a directive states, if it states one. */
    static Optional<Edit> parse(String directive) {
      var m = SYNTAX.matcher(directive);
      return m.matches()
          ? Optional.of(new Edit(m.group(1), m.group(2), m.group(3)))
          : Optional.empty();
    }
  }
}
