package dev.devq.cli;

import dev.devq.Devq;
import dev.devq.LoadException;
import dev.devq.lang.DiagnosticRenderer;
import dev.devq.lang.unit.Quantity;
import dev.devq.lang.unit.QuantityFormat;
import dev.devq.onnx.ImportFailure;
import dev.devq.onnx.OnnxImport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

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
final class ImportCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Option(names = "--id", paramLabel = "ID", description = "model id (default: from the file name)")
  String id = "";

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "profiles directory to write models/ID.yaml into (default: ./devq-profiles)")
  Path out = Path.of("devq-profiles");

  @Option(
      names = "--dim",
      paramLabel = "NAME=VALUE",
      description = "size of a dynamic input dimension, e.g. --dim batch=1 --dim seq=128")
  Map<String, Long> dims = Map.of();

  @Parameters(paramLabel = "FILE.onnx")
  Path file;

  @Override
  public Integer call() throws Loader.Failed {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    OnnxImport.Described d;
    try {
      // the file is checked before the knowledge base loads, so a broken one is refused at once
      OnnxImport.Checked checked = OnnxImport.check(file, new OnnxImport.Options(id, dims));
      Devq devq = Loader.load(common, err);
      d = OnnxImport.describe(checked, devq.kb());
    } catch (ImportFailure e) {
      err.println("error[IMPORT]: " + e.getMessage());
      err.println(" --> " + file);
      if (!e.note().isEmpty()) {
        err.println("  = " + e.note());
      }
      err.println("devq: nothing was written");
      err.flush();
      return ExitCodes.BAD_INPUT;
    }
    Path staged = null;
    try {
      staged = Files.createTempDirectory("devq-import");
      OnnxImport.write(staged, d);
      List<Path> overlays = new ArrayList<>(common.profileDirs());
      if (Files.isDirectory(out)) {
        overlays.add(out);
      }
      overlays.add(staged);
      Devq check = Devq.load(overlays);
      OnnxImport.Summary s = OnnxImport.summarize(check.kb(), d.id());
      Path written = OnnxImport.write(out, d);
      print(stdout, d, s, written);
      return ExitCodes.OK;
    } catch (LoadException e) {
      err.println(DiagnosticRenderer.render(e.diagnostics()));
      err.println(
          "devq: internal error: the description devq made does not load; nothing was written");
      err.flush();
      return ExitCodes.INTERNAL;
    } catch (IOException e) {
      err.println("devq: cannot write the description: " + e.getMessage());
      err.flush();
      return ExitCodes.INTERNAL;
    } finally {
      delete(staged);
    }
  }

  private void print(PrintWriter o, OnnxImport.Described d, OnnxImport.Summary s, Path written) {
    o.println("wrote " + written + " (" + d.layers() + " layers, ONNX opset " + d.opset() + ")");
    o.println("use it with --profiles " + out + ", e.g.");
    o.println("  devq --profiles " + out + " eval 'latency(" + d.id() + ", iphone_15_pro)'");
    o.println();
    o.println("parameters   " + QuantityFormat.format(Quantity.number(s.params())));
    o.println("MACs         " + QuantityFormat.format(Quantity.number(s.macs())));
    o.println("weights      " + ExplainTable.bytes(s.weightBytes()) + " at " + d.precision());
    StringBuilder ops = new StringBuilder();
    s.ops().entrySet().stream()
        .sorted(
            (a, b) ->
                b.getValue() - a.getValue() != 0
                    ? b.getValue() - a.getValue()
                    : a.getKey().compareTo(b.getKey()))
        .forEach(
            e ->
                ops.append(ops.length() == 0 ? "" : ", ")
                    .append(e.getKey())
                    .append(" ×")
                    .append(e.getValue()));
    o.println("ops          " + ops);
    if (d.unknown().isEmpty()) {
      o.println("unknown ops  none: every node maps to an op of the catalog");
    } else {
      o.println(
          "unknown ops  "
              + d.unknown().size()
              + (d.unknown().size() == 1 ? " node" : " nodes")
              + " the catalog does not know (costed as custom_layer):");
      d.unknown().forEach(u -> o.println("  " + u.name() + "  (" + u.onnxOp() + ")"));
    }
    o.flush();
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }
}
