package dev.devq.cli;

import dev.devq.doc.InputPath;
import dev.devq.doc.OutputFiles;
import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A folder named by a command-line option ({@code --profiles}, {@code --root}, an {@code --out} to
 * write into), checked once.
 */
final class FolderArgument {
  private FolderArgument() {}

  /**
   * Why the folders {@code dirs}, given to {@code option} on the command line of {@code spec},
   * cannot be read, each at its argument; empty when all are readable folders. An empty value is
   * refused rather than read as the current folder, which a script's unset variable ({@code
   * --profiles "$DIR"}) would otherwise make it.
   */
  static List<Diagnostic> problems(
      String option, List<Path> dirs, CommandSpec spec, boolean inRepl) {
    List<Diagnostic> problems = new ArrayList<>();
    for (Path dir : dirs) {
      if (dir.toString().isEmpty()) {
        ArgumentsText.Where where = ArgumentsText.of(spec, inRepl, "");
        problems.add(
            Diagnostic.error(
                DiagnosticCode.BAD_VALUE, empty(option), where.source(), where.span()));
      } else {
        InputPath.problem(dir, InputPath.Kind.FOLDER)
            .ifPresent(p -> problems.add(ArgumentsText.at(spec, inRepl, dir, p)));
      }
    }
    return problems;
  }

  /**
   * Why {@code dir}, given to {@code option} as a profiles directory to write into ({@code import
   * --out}, {@code calibrate --out}), cannot be; empty when it is a folder or can be made. Said
   * before the work, which can take a while, rather than as a write failure (exit 3) after it.
   */
  static String outputProblem(String option, Path dir) {
    if (dir.toString().isEmpty()) {
      return empty(option);
    }
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      return option + " must be a profiles directory, found a file: " + dir;
    }
    String unwritable = OutputFiles.directoryProblem(dir);
    return unwritable.isEmpty()
        ? ""
        : "cannot write into " + option + " " + dir + ": " + unwritable;
  }

  /**
   * Why the file arguments {@code paths} (shown as {@code label}: {@code FILE.csv}) cannot be read,
   * or empty: an empty one, as a script's unset variable ({@code devq check "$FILES"}) gives, is
   * the empty path, which names the current folder: {@code check} ran every file under it and the
   * other commands said "cannot read : it is a directory".
   */
  static String emptyArgument(String label, List<Path> paths) {
    if (paths.stream().noneMatch(p -> p.toString().isEmpty())) {
      return "";
    }
    return label
        + ": an empty argument names no file (an unset variable?)"
        + (label.equals("PATH") ? "; write . for the current folder" : "");
  }

  /** An unset variable ({@code --out "$DIR"}) would otherwise name the current folder. */
  private static String empty(String option) {
    return option + ": an empty value names no folder (write . for the current one)";
  }
}
