package dev.devq.cli;

import dev.devq.Devq;
import dev.devq.LoadException;
import dev.devq.doc.AtomicFile;
import dev.devq.doc.InputPath;
import dev.devq.lang.Diagnostic;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code devq import FILE.onnx}: writes a model description of an ONNX model into {@code
 * DIR/models/ID.yaml}, checks that devq loads it, then prints how to use it and a summary.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description =
        "Import an ONNX model (opsets 11-21) as a model description in DIR/models/ID.yaml; "
            + "use it with --profiles DIR. Exit 2 on a file devq cannot import (nothing written).")
final class ImportCommand extends DevqCommand {
  @Option(names = "--id", paramLabel = "ID", description = "model id (default: from the file name)")
  String id = "";

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "profiles directory to write models/ID.yaml into (default: ./devq-profiles)")
  Path out = Path.of("devq-profiles");

  @Range(min = 1, max = Devq.MAX_DIMENSION)
  @Option(
      names = "--dim",
      paramLabel = "NAME=VALUE",
      description =
          "size of a dynamic input dimension, from 1 to "
              + Devq.MAX_DIMENSION
              + ", e.g. --dim batch=1 --dim seq=128")
  Map<String, Long> dims = Map.of();

  @Parameters(paramLabel = "FILE.onnx")
  Path file;

  @Override
  int run() throws Loader.Failed {
    String emptyArgument = FolderArgument.emptyArgument("FILE.onnx", List.of(file));
    if (!emptyArgument.isEmpty()) {
      return fail(emptyArgument);
    }
    if (id.isBlank() && !spec.findOption("--id").originalStringValues().isEmpty()) {
      // --id "$ID" with the variable unset was read as no --id: the model took the file's name
      return fail(
          "--id is empty: give the model an id, e.g. --id my_model, or leave --id out to name it"
              + " after its file");
    }
    String twice = dimGivenTwice();
    if (!twice.isEmpty()) {
      return fail(twice);
    }
    List<Diagnostic> unreadable = unreadable(List.of(file), InputPath.Kind.FILE);
    if (!unreadable.isEmpty()) {
      errors(unreadable);
      err().println("devq: nothing was written"); // as every refusal of import says
      return ExitCodes.BAD_INPUT;
    }
    String unwritable = FolderArgument.outputProblem("--out", out);
    if (!unwritable.isEmpty()) {
      return fail(unwritable);
    }
    var overlays = Loader.existingDirs(common, err());
    try {
      return answer(Devq.importOnnx(file, id, dims, out, overlays));
    } catch (LoadException e) {
      throw Loader.failed(e, err());
    } catch (IOException e) {
      // a directory the system will not let devq make or write (a read-only disk, /proc)
      return failToWrite(
          "cannot write the model description into "
              + out
              + ": "
              + AtomicFile.reason(e)
              + "; nothing was written");
    }
  }

  /**
   * {@code --dim H=8 --dim H=9}: picocli's map keeps the last value, which would import a model of
   * a size the user may not have meant; empty when each name is given once.
   */
  private String dimGivenTwice() {
    Map<String, String> seen = new HashMap<>();
    for (String given : spec.findOption("--dim").originalStringValues()) {
      String name = given.substring(0, Math.max(0, given.indexOf('=')));
      String before = seen.putIfAbsent(name, given);
      if (before != null) {
        return "--dim "
            + name
            + " is given twice ("
            + before
            + ", "
            + given
            + "): give each dimension once";
      }
    }
    return "";
  }
}
