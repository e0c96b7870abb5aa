package dev.devq.onnx;

import dev.devq.kb.KnowledgeBase;
import dev.devq.lang.AtomicReplace;
import dev.devq.lang.Suggestions;
import dev.devq.model.Layer;
import dev.devq.model.Model;
import dev.devq.model.ModelBuilder;
import dev.devq.onnx.proto.Onnx;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code devq import FILE.onnx}: an ONNX model in, a model description out.
 *
 * <pre>{@code
 * OnnxImport.Checked c = OnnxImport.check(file, new Options("", Map.of("seq", 128L)));
 * OnnxImport.Described d = OnnxImport.describe(c, kb, Language.reservedWords());
 * Path written = OnnxImport.write(dir, d);
 * }</pre>
 *
 * Every problem of the file (truncated, not ONNX, a cycle, an impossible initializer, missing
 * external data, an unbound dimension) is an {@link ImportFailure} thrown before anything is
 * written.
 */
public final class OnnxImport {
  private OnnxImport() {}

  /**
   * What to import.
   *
   * @param id the model id to write, or empty for one made from the file name
   * @param dims values for the input's dynamic dimensions ({@code seq = 128})
   */
  public record Options(String id, Map<String, Long> dims) {
    public Options {
      dims = Map.copyOf(dims);
    }
  }

  /** A node of the ONNX file: its name (or op type and output when it has none) and op type. */
  public record Node(String name, String onnxOp) {
    /** As the import's errors name a node: {@code node '/act/Where' (Where)}. */
    public String described() {
      return "node '" + name + "' (" + onnxOp + ")";
    }
  }

  /**
   * A description ready to write.
   *
   * @param notes what the import did that the user did not ask for: an id other than the one the
   *     file name gives, layers renamed because the file repeats node names
   * @param precision {@code fp16} (fp32 or fp16 weights, stored as the converter stores them) or
   *     {@code w8a8} (a QDQ / QLinear graph)
   * @param unknown the nodes whose op the catalog does not know
   * @param starts the node each layer was made from, by the line of the YAML it starts on
   */
  public record Described(
      String id,
      List<String> notes,
      String yaml,
      String precision,
      long opset,
      List<Node> unknown,
      NavigableMap<Integer, Node> starts) {
    public Described {
      notes = List.copyOf(notes);
      unknown = List.copyOf(unknown);
      starts = Collections.unmodifiableNavigableMap(new TreeMap<>(starts));
    }

    public int layers() {
      return starts.size();
    }

    /**
     * The node whose layer holds line {@code line} of the YAML, or null on a header line: what a
     * problem the loader finds there is about, in terms of the user's file rather than a
     * description they never saw.
     */
    public Node nodeAt(int line) {
      var start = starts.floorEntry(line);
      return start == null ? null : start.getValue();
    }
  }

  /** The written model's figures, as devq computes them from the description. */
  public record Summary(long params, long macs, double weightBytes, Map<String, Integer> ops) {}

  /**
   * An ONNX file read and checked as far as it can be without the op catalog, so a broken file is
   * refused before devq loads its knowledge base.
   */
  public static final class Checked {
    private final Path file;
    private final Options options;
    private final Onnx.ModelProto model;
    private final Planner planner;

    private Checked(Path file, Options options, Onnx.ModelProto model, Planner planner) {
      this.file = file;
      this.options = options;
      this.model = model;
      this.planner = planner;
    }
  }

  /** Reads {@code file} and checks its initializers, input dimensions and graph. */
  public static Checked check(Path file, Options options) throws ImportFailure {
    Onnx.ModelProto model = OnnxReader.read(file);
    unusedDims(options, model.getGraph());
    Path dir = file.toAbsolutePath().getParent();
    Planner planner = new Planner(model.getGraph(), dir, options.dims(), OnnxReader.opsetOf(model));
    planner.prepare();
    return new Checked(file, options, model, planner);
  }

  /**
   * Maps the checked graph through the catalog of {@code kb} into a description, under an id that
   * is none of {@code reserved} (the words of the query language).
   */
  public static Described describe(Checked c, KnowledgeBase kb, Set<String> reserved)
      throws ImportFailure {
    ModelIds.Chosen chosen = ModelIds.of(c.options.id(), c.file, kb, reserved);
    String id = chosen.id();
    Planner.Plan plan = c.planner.run(new Catalog(kb.ops().values()));
    String precision = c.planner.quantized ? "w8a8" : "fp16";
    long opset = OnnxReader.opsetOf(c.model);
    Description.Written written =
        Description.write(Headers.of(id, c.file, c.model, opset, c.planner, precision), plan);
    List<Node> unknown = new ArrayList<>();
    NavigableMap<Integer, Node> starts = new TreeMap<>();
    for (int i = 0; i < plan.items().size(); i++) {
      Item it = plan.items().get(i);
      Node node = new Node(it.name(), it.onnxOp());
      starts.put(written.firstLines()[i], node);
      if (it.unknown()) {
        unknown.add(node);
      }
    }
    List<String> notes = new ArrayList<>();
    for (String note : List.of(chosen.note(), LayerNames.repeatedNote(c.model.getGraph()))) {
      if (!note.isEmpty()) {
        notes.add(note);
      }
    }
    return new Described(id, notes, written.yaml(), precision, opset, unknown, starts);
  }

  private static void unusedDims(Options options, Onnx.GraphProto graph) throws ImportFailure {
    List<String> params = new ArrayList<>();
    for (Onnx.ValueInfoProto vi : graph.getInputList()) {
      for (var d : vi.getType().getTensorType().getShape().getDimList()) {
        if (d.hasDimParam()) {
          params.add(d.getDimParam());
        }
      }
    }
    for (String name : options.dims().keySet()) {
      if (!params.contains(name)) {
        // '--dim =3' has an empty name, which the message showed as a double space
        String nearest = Suggestions.didYouMean(name, params);
        throw new ImportFailure(
            name.isEmpty()
                ? "--dim =" + options.dims().get(name) + " gives a size but no dimension name"
                : "--dim '" + name + "' names no dynamic dimension of the input",
            params.isEmpty()
                ? "the input has only fixed sizes"
                : "its dynamic dimensions: " + params + (nearest.isEmpty() ? "" : "; " + nearest));
      }
    }
  }

  /** Builds the written description with devq's own shape inference and counts its work. */
  public static Summary summarize(KnowledgeBase kb, String id) {
    ModelBuilder.Result r = ModelBuilder.build(kb.models().get(id), Map.of(), kb.ops().keySet());
    Model m = r.model();
    Map<String, Integer> ops = new TreeMap<>();
    for (Layer l : m.layers()) {
      ops.merge(l.op(), 1, Integer::sum);
    }
    return new Summary(m.params(), m.macs(), m.weightBytes(), ops);
  }

  /**
   * Writes {@code DIR/models/ID.yaml} atomically ({@link AtomicReplace}), so a reader never sees
   * half a description.
   */
  public static Path write(Path dir, Described d) throws IOException {
    Path models = dir.resolve("models");
    Files.createDirectories(models);
    Path target = models.resolve(d.id() + ".yaml");
    AtomicReplace.write(target, d.yaml().getBytes(StandardCharsets.UTF_8));
    return target;
  }
}
