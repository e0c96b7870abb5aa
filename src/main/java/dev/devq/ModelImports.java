package dev.devq;

import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.ModelProfile;
import dev.devq.lang.Diagnostic;
import dev.devq.lang.unit.Quantity;
import dev.devq.lang.unit.QuantityFormat;
import dev.devq.onnx.ImportFailure;
import dev.devq.onnx.OnnxImport;
import dev.devq.view.ExplainTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code devq import FILE.onnx}: checks the file before any profile loads (a broken file is refused
 * at once), describes it against the knowledge base, stages the description and loads it once to
 * prove it loads, then writes it into {@code out/models/} and says how to use it.
 */
final class ModelImports {
  private ModelImports() {}

  private static Answer failed(ImportFailure e, Path file) {
    return failed(e, file, e.note());
  }

  private static Answer failed(ImportFailure e, Path file, String note) {
    return Answer.failed(
        "error[IMPORT]: "
            + e.getMessage()
            + "\n --> "
            + file
            + "\n"
            + (note.isEmpty() ? "" : "  = " + note + "\n")
            + "devq: nothing was written\n");
  }

  /**
   * The note of an input with dynamic dimensions not bound: the command to run again, with the
   * options of this one and a {@code --dim} for every dimension, so one more run imports the file.
   */
  private static String rebind(
      ImportFailure e, Path file, String id, Path out, List<Path> overlays) {
    List<String> words = new ArrayList<>(List.of("devq"));
    overlays.forEach(o -> words.addAll(List.of("--profiles", o.toString())));
    words.addAll(List.of("import", file.toString()));
    if (!id.isEmpty()) {
      words.addAll(List.of("--id", id));
    }
    words.addAll(List.of("--out", out.toString()));
    e.dims().forEach(d -> words.addAll(List.of("--dim", d)));
    String command = String.join(" ", words.stream().map(ShellWords::word).toList());
    boolean sizes = e.dims().stream().anyMatch(d -> d.endsWith("=VALUE"));
    return "import with every dimension bound"
        + (sizes ? " (VALUE: the size to describe)" : "")
        + ": "
        + command;
  }

  static Answer run(Path file, String id, Map<String, Long> dims, Path out, List<Path> overlays)
      throws LoadException, IOException {
    OnnxImport.Described d;
    ModelProfile replaced;
    try {
      OnnxImport.Checked checked = OnnxImport.check(file, new OnnxImport.Options(id, dims));
      KnowledgeBase kb = Devq.load(overlays).engine().kb();
      d = OnnxImport.describe(checked, kb, Language.reservedWords());
      // only an --id given on purpose can name a model already there (a file name gets _onnx)
      replaced = kb.models().get(d.id());
    } catch (ImportFailure e) {
      return e.dims().isEmpty()
          ? failed(e, file)
          : failed(e, file, rebind(e, file, id, out, overlays));
    }
    Path staged = null;
    try {
      staged = Files.createTempDirectory("devq-import");
      OnnxImport.write(staged, d);
      List<Path> withStaged = new ArrayList<>(overlays);
      if (Files.isDirectory(out)) {
        withStaged.add(out);
      }
      withStaged.add(staged);
      OnnxImport.Summary s;
      try {
        s = OnnxImport.summarize(Devq.load(withStaged).engine().kb(), d.id());
      } catch (LoadException e) {
        Diagnostic own = inStaged(e, staged);
        if (own == null) {
          // the profiles already in the --out directory do not load: the user's to mend (exit 2)
          throw e;
        }
        return failed(notLoading(d, own), file);
      }
      Path written = OnnxImport.write(out, d);
      Answer answer = Answer.of(summary(d, s, written, out), null);
      for (String note : d.notes()) {
        answer = answer.withNote(note);
      }
      return replaced == null
          ? answer
          : answer.withNote(replacing(replaced, builtIn(replaced, overlays), out));
    } finally {
      delete(staged);
    }
  }

  /**
   * The first problem the loader found in the staged description, or null when every problem is in
   * the user's own profiles. The loader names a file of a {@code --profiles} folder below that
   * folder as it was given, here the staged folder's absolute path, which tells them apart.
   */
  private static Diagnostic inStaged(LoadException e, Path staged) {
    Path folder = staged.toAbsolutePath().normalize();
    for (Diagnostic dg : e.diagnostics()) {
      if (Path.of(dg.source().name()).toAbsolutePath().normalize().startsWith(folder)) {
        return dg;
      }
    }
    return null;
  }

  /**
   * A description devq wrote that its own loader refuses, told by the node it was made from: the
   * description is in a temporary folder the user never sees, and the node is what they can change
   * (a tensor too large for a description, or an op devq describes wrongly).
   */
  private static ImportFailure notLoading(OnnxImport.Described d, Diagnostic problem) {
    int line = problem.source().line(problem.span().start());
    OnnxImport.Node node = d.nodeAt(line);
    String what = node == null ? "the description's header" : node.described();
    return new ImportFailure(
        what + ": devq cannot describe it: " + problem.message(),
        "devq's model rules refuse the layer it wrote for this node: past a description's limits,"
            + " or a fault of devq's to report with the file");
  }

  /**
   * Said when the import names a model the profiles in use already have: allowed, since a {@code
   * --profiles} directory overrides by id, but the zoo's figures would then silently give way.
   */
  private static String replacing(ModelProfile model, boolean builtIn, Path out) {
    String where = builtIn ? "the built-in profiles" : model.origin().source().name();
    return model.id()
        + " is also a model in "
        + where
        + "; with --profiles "
        + out
        + " this file replaces it";
  }

  /**
   * Whether the model the import replaces is the shipped one, not one an overlay brought (or
   * overrode it with): a profile file is named by its folder's name, so the place it was read from
   * tells them apart, not the name.
   */
  private static boolean builtIn(ModelProfile model, List<Path> overlays) throws LoadException {
    if (overlays.isEmpty()) {
      return true;
    }
    ModelProfile shipped = Devq.load().engine().kb().models().get(model.id());
    return shipped != null && shipped.origin().position().equals(model.origin().position());
  }

  private static String summary(
      OnnxImport.Described d, OnnxImport.Summary s, Path written, Path out) {
    var o = new StringBuilder();
    o.append("wrote ")
        .append(written)
        .append(" (")
        .append(d.layers())
        .append(d.layers() == 1 ? " layer" : " layers")
        .append(", ONNX opset ");
    o.append(d.opset()).append(")\nuse it with --profiles ").append(out).append(", e.g.\n");
    o.append("  devq --profiles ").append(out).append(" eval 'latency(").append(d.id());
    o.append(", iphone_15_pro)'\n");
    // a review document does not see --profiles of an earlier command: it names the folder itself
    o.append("  or in a review document beside it, front matter: devq: {profiles: [")
        .append(out)
        .append("]}\n\n");
    o.append("parameters   ")
        .append(QuantityFormat.format(Quantity.number(s.params())))
        .append('\n');
    o.append("MACs         ").append(QuantityFormat.format(Quantity.number(s.macs()))).append('\n');
    o.append("weights      ").append(ExplainTable.bytes(s.weightBytes())).append(" at ");
    o.append(d.precision()).append('\n');
    List<String> ops =
        s.ops().entrySet().stream()
            .sorted(
                Map.Entry.<String, Integer>comparingByValue()
                    .reversed()
                    .thenComparing(Map.Entry.comparingByKey()))
            .map(e -> e.getKey() + " ×" + e.getValue())
            .toList();
    o.append("ops          ").append(String.join(", ", ops)).append('\n');
    if (d.unknown().isEmpty()) {
      o.append("unknown ops  none: every node maps to an op of the catalog\n");
    } else {
      o.append("unknown ops  ").append(d.unknown().size());
      o.append(d.unknown().size() == 1 ? " node" : " nodes");
      o.append(" the catalog does not know (costed as custom_layer):\n");
      d.unknown()
          .forEach(
              u -> o.append("  ").append(u.name()).append("  (").append(u.onnxOp()).append(")\n"));
    }
    return o.toString();
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }
}
