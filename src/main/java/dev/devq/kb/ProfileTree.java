package dev.devq.kb;

import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import dev.devq.lang.Suggestions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Checks the layout of one profile directory before its files are read: a directory or YAML file
 * the loader does not know ({@code device/} for {@code devices/}) would otherwise be skipped
 * without a word, and so would a {@code .yaml} entry that is not a regular file (a symlink loop, a
 * broken link, a directory). Other files (a README) are left alone.
 */
final class ProfileTree {
  private static final List<String> DIRECTORIES =
      List.of("socs", "devices", "ops", "models", "calibration");
  private static final List<String> FILES =
      List.of("sources.yaml", "budgets.yaml", "constants.yaml", "releases.yaml");

  private ProfileTree() {}

  /**
   * Checks the layout of {@code root} and lists it once for the loader: each known directory's YAML
   * entries, sorted (an entry that is no regular file is reported here and listed still, so that
   * reading it says why it failed).
   */
  static Map<String, List<Path>> check(
      Path root, Problems problems, Function<Path, String> displayName) {
    Map<String, List<Path>> yaml = new HashMap<>();
    for (Path p : list(root, problems, displayName)) {
      String name = p.getFileName().toString();
      boolean dir = Files.isDirectory(p);
      if (dir && !DIRECTORIES.contains(name) && !name.startsWith(".")) {
        report(
            problems,
            displayName.apply(p),
            "unknown profile directory '" + name + "/'",
            Suggestions.didYouMean(name, DIRECTORIES));
      } else if (dir) {
        List<Path> files =
            list(p, problems, displayName).stream().filter(ProfileTree::isYaml).toList();
        files.forEach(f -> regular(f, problems, displayName));
        yaml.put(name, files);
      } else if (isYaml(p) && !FILES.contains(name)) {
        report(
            problems,
            displayName.apply(p),
            "unknown profile file '" + name + "'",
            Suggestions.didYouMean(name, FILES));
      } else if (isYaml(p)) {
        regular(p, problems, displayName);
      }
    }
    return yaml;
  }

  private static void regular(Path p, Problems problems, Function<Path, String> displayName) {
    if (Files.isDirectory(p)) {
      // a folder named like a profile, as unzipping or a mistyped mkdir leaves one
      report(
          problems,
          displayName.apply(p),
          "cannot read this profile: it is a folder, not a YAML file",
          "a profile is a file; rename the folder without ."
              + (p.getFileName().toString().endsWith(".yml") ? "yml" : "yaml")
              + ", or move the profiles in it up into "
              + displayName.apply(p.getParent()));
    } else if (!Files.isRegularFile(p)) {
      String why =
          Files.isSymbolicLink(p)
              ? "a symbolic link that leads to no file (a loop or a broken link)"
              : "not a regular file";
      report(problems, displayName.apply(p), "cannot read this profile: it is " + why, "");
    }
  }

  private static boolean isYaml(Path p) {
    String name = p.getFileName().toString();
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }

  /**
   * The entries of a folder, sorted; one that cannot be read (no permission) is a problem, never an
   * empty folder: an overlay's {@code socs/} skipped without a word gave the shipped figures.
   */
  private static List<Path> list(Path dir, Problems problems, Function<Path, String> displayName) {
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.sorted().toList();
    } catch (IOException e) {
      problems.add(ProfileFileProblems.unreadable(displayName.apply(dir), e, "profile folder"));
      return List.of();
    } catch (java.io.UncheckedIOException e) {
      problems.add(
          ProfileFileProblems.unreadable(displayName.apply(dir), e.getCause(), "profile folder"));
      return List.of();
    }
  }

  private static void report(Problems problems, String file, String message, String note) {
    problems.add(
        Diagnostic.error(DiagnosticCode.PROFILE, message, new SourceText(file, ""), Span.at(0))
            .withNote(note));
  }
}
