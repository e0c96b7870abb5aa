package dev.devq.onnx;

import dev.devq.model.ModelLimits;
import dev.devq.onnx.proto.Onnx;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks an ONNX graph in run order: binds the input's dynamic dimensions, folds constants, infers
 * every activation's shape, and turns each remaining node into layers ({@link LayerMapping}). Nodes
 * that vanish in a converted model (Identity, Dropout, Cast, Quantize/DequantizeLinear on
 * activations) pass their input on.
 */
final class Planner {
  private static final Set<String> PASS_THROUGH =
      Set.of("Identity", "Dropout", "Cast", "CastLike", "QuantizeLinear", "DequantizeLinear");

  private final Onnx.GraphProto graph;
  private final Path modelDir;
  private final Map<String, Long> bindings;

  /** The default-domain opset of the model ({@link NodeView#opset}). */
  final long opset;

  Catalog catalog;
  private final Map<String, Tensor> tensors = new HashMap<>();
  private final Map<String, String> renamed = new HashMap<>();
  private final Set<Integer> absorbed = new HashSet<>();
  private final Set<String> countedWeights = new HashSet<>();
  private final Map<String, long[]> declared = new HashMap<>();
  private final Set<String> outputs = new HashSet<>();
  private final Map<Onnx.NodeProto, Integer> indexOf = new IdentityHashMap<>();
  private GraphOrder.Result order;

  /** How messages name the graph's nodes. */
  NodeLabels labels;

  private String input;
  boolean quantized;
  boolean fp32Weights;

  /** Batch norms folded into the convolution before them ({@link BatchNormFold}). */
  int foldedBatchNorms;

  SparseInitializers.Read sparse = SparseInitializers.Read.NONE;

  Planner(Onnx.GraphProto graph, Path modelDir, Map<String, Long> bindings, long opset) {
    this.graph = graph;
    this.modelDir = modelDir;
    this.bindings = bindings;
    this.opset = opset;
  }

  /** The layers in run order and the model's input. */
  record Plan(List<Item> items, String input, long[] inputDims) {}

  /**
   * Checks what needs no catalog, before devq loads one: that every node writes a tensor and holds
   * no subgraph, unique names, every initializer against its data, the input's dimensions, that the
   * graph is acyclic with every tensor provided, and that it declares outputs.
   */
  void prepare() throws ImportFailure {
    size(graph.getNodeCount());
    labels = new NodeLabels(graph.getNodeList());
    NodeForms.check(graph, labels);
    GraphNames.declarations(graph);
    Set<String> provided = new HashSet<>();
    for (Onnx.TensorProto t : graph.getInitializerList()) {
      String what = "initializer '" + t.getName() + "'";
      Tensor read = TensorData.read(t, modelDir, what, true);
      tensors.put(t.getName(), read);
      provided.add(t.getName());
      fp32Weights |= read.weight() != null && t.getDataType() == TensorData.FLOAT;
    }
    sparse = SparseInitializers.read(graph, modelDir, tensors, provided);
    fp32Weights |= sparse.fp32();
    input = GraphInputs.bind(graph, provided, bindings, tensors);
    provided.add(input);
    List<Onnx.ValueInfoProto> shapes = new ArrayList<>(graph.getValueInfoList());
    shapes.addAll(graph.getOutputList());
    for (Onnx.ValueInfoProto vi : shapes) {
      long[] d = GraphInputs.staticDims(vi, bindings);
      if (d != null) {
        declared.put(vi.getName(), d);
      }
    }
    order = GraphOrder.of(graph.getNodeList(), provided, labels);
    GraphNames.outputs(graph, provided);
    graph.getOutputList().forEach(o -> outputs.add(o.getName()));
    for (int i = 0; i < graph.getNodeCount(); i++) {
      indexOf.put(graph.getNode(i), i);
    }
  }

  /**
   * A graph devq can describe has a node, and no more nodes than a description may have layers:
   * past that the description would not load, after minutes of work.
   */
  private static void size(int nodes) throws ImportFailure {
    if (nodes == 0) {
      throw new ImportFailure("the graph has no nodes: there is nothing to describe");
    }
    if (nodes > ModelLimits.MAX_LAYERS) {
      throw new ImportFailure(
          "the graph has "
              + nodes
              + " nodes; a model description holds at most "
              + ModelLimits.MAX_LAYERS
              + " layers");
    }
  }

  /**
   * The layers in run order, mapped through {@code catalog}, each named apart ({@link LayerNames});
   * after {@link #prepare}.
   */
  Plan run(Catalog with) throws ImportFailure {
    this.catalog = with;
    List<Integer> computed = new ArrayList<>();
    for (int n : constantsFirst(computed)) {
      node(graph.getNode(n));
    }
    List<Item> items = new ArrayList<>();
    for (int n : computed) {
      if (!absorbed.contains(n)) {
        items.addAll(node(graph.getNode(n)));
      }
    }
    if (items.isEmpty()) {
      // the description would hold no layer, which the loader refuses as a fault of devq's
      throw new ImportFailure(
          "no node reads the graph input '"
              + input
              + "': every node folds to a constant, and a description needs a layer",
          "the model's output must be computed from its input");
    }
    return new Plan(LayerNames.unique(items), input, tensors.get(input).dims());
  }

  /**
   * The nodes of the standard domain that read nothing computed from the graph's input, in run
   * order; the others go to {@code computed}. Folding those first lets a chain that starts at one
   * node read constants written later in the file (the 0.5 of a GELU): they make no layers, so
   * running them early changes nothing else.
   */
  private List<Integer> constantsFirst(List<Integer> computed) {
    Set<String> fromInput = new HashSet<>(Set.of(input));
    List<Integer> constants = new ArrayList<>();
    for (int n : order.order()) {
      Onnx.NodeProto node = graph.getNode(n);
      if (OpSchemas.standard(node) && node.getInputList().stream().noneMatch(fromInput::contains)) {
        constants.add(n);
      } else {
        fromInput.addAll(node.getOutputList());
        computed.add(n);
      }
    }
    return constants;
  }

  private List<Item> node(Onnx.NodeProto node) throws ImportFailure {
    List<Tensor> in = new ArrayList<>();
    boolean activation = false;
    for (String name : node.getInputList()) {
      Tensor t = name.isEmpty() ? null : tensor(name);
      in.add(t);
      activation |= t != null && t.activation();
    }
    NodeView v = new NodeView(node, in, labels, opset);
    unread(v);
    String op = node.getOpType();
    quantized |=
        op.startsWith("QLinear") || op.endsWith("QuantizeLinear") || op.endsWith("Integer");
    if (!OpSchemas.standard(node)) {
      activation = activation || in.isEmpty();
    }
    OpSchemas.check(v);
    if (!activation || "Shape".equals(op) || "Size".equals(op)) {
      List<Tensor> out = "Size".equals(op) ? List.of(size(v)) : Folding.fold(v, modelDir);
      for (int i = 0; i < node.getOutputCount(); i++) {
        tensors.put(node.getOutput(i), out.get(i));
      }
      return List.of();
    }
    if (PASS_THROUGH.contains(op) && in.get(0) != null && in.get(0).activation()) {
      renamed.put(node.getOutput(0), resolve(node.getInput(0)));
      return List.of();
    }
    List<long[]> shapes = Shapes.infer(v);
    if (shapes == null) {
      shapes = declaredOr(node, v);
    }
    for (int i = 0; i < node.getOutputCount() && i < shapes.size(); i++) {
      if (node.getOutput(i).isEmpty()) {
        continue; // an optional output the file leaves out
      }
      tensors.put(node.getOutput(i), Tensor.activation(checked(v, shapes.get(i))));
    }
    return LayerMapping.map(v, this);
  }

  /**
   * Every input the node names has a tensor: one that has none is an output devq inferred no shape
   * for (a Relu's second output, a LayerNormalization's mean), and the node read it as an omitted
   * optional input, an Add of one operand.
   */
  private static void unread(NodeView v) throws ImportFailure {
    for (int i = 0; i < v.inputs.size(); i++) {
      String name = v.node.getInput(i);
      if (!name.isEmpty() && v.inputs.get(i) == null) {
        throw v.failure(
            "input "
                + i
                + " ('"
                + name
                + "') is an output whose shape devq does not infer: one its node writes beside"
                + " the outputs devq reads of that op");
      }
    }
  }

  /**
   * An activation's shape, refused where an axis is empty or larger than a description allows (zero
   * output channels, pads of 2^40), or its element count overflows: the node is named here, rather
   * than the description failing to load later or a count of its work wrapping.
   */
  private static long[] checked(NodeView v, long[] shape) throws ImportFailure {
    for (int axis = 0; axis < shape.length; axis++) {
      if (shape[axis] < 1 || shape[axis] > ModelLimits.MAX_AXIS) {
        throw v.failure(
            "the output "
                + Arrays.toString(shape)
                + " has size "
                + shape[axis]
                + " on axis "
                + axis
                + "; a size is from 1 to "
                + ModelLimits.MAX_AXIS);
      }
    }
    v.elements(shape, "the output");
    return shape;
  }

  private static Tensor size(NodeView v) throws ImportFailure {
    return Tensor.integers(new long[0], new long[] {v.elements(v.dims(0), "the shape of input 0")});
  }

  /**
   * The output shapes of an op devq has no shape inference for, as the file declares them (its
   * value_info or graph outputs, every size given or bound by --dim). Without one the node is
   * refused: the first input's shape was taken, a guess that every count after the node inherited.
   */
  private List<long[]> declaredOr(Onnx.NodeProto node, NodeView v) throws ImportFailure {
    List<long[]> out = new ArrayList<>();
    for (String o : node.getOutputList()) {
      long[] d = declared.get(o);
      if (d == null && !o.isEmpty()) {
        throw v.failure(
            "devq has no shape inference for "
                + node.getOpType()
                + ", and the file declares no shape with every size known for its output '"
                + o
                + "' (value_info)",
            "run ONNX shape inference and import its result, which declares the shapes it can"
                + " infer: onnx.save(onnx.shape_inference.infer_shapes(onnx.load('model.onnx')),"
                + " 'model_shapes.onnx')");
      }
      out.add(d);
    }
    return out;
  }

  static int firstActivation(NodeView v) {
    for (int i = 0; i < v.inputs.size(); i++) {
      if (v.has(i) && v.inputs.get(i).activation()) {
        return i;
      }
    }
    return 0;
  }

  String resolve(String name) {
    String r = name;
    while (renamed.containsKey(r)) {
      r = renamed.get(r);
    }
    return r;
  }

  Tensor tensor(String name) {
    return tensors.get(resolve(name));
  }

  /**
   * The node a fold may merge into the node that writes {@code tensor}: a batch norm into its
   * convolution ({@link BatchNormFold}), a bias Add into its MatMul ({@link NativeLayers#matmul}),
   * the next step of an activation chain ({@link ActivationChains}). A fold removes {@code tensor}:
   * the merged layer writes only the later value. So it may fold only a tensor nothing else sees:
   * read by one node, once, and not a graph output (the model's caller reads that one). Otherwise
   * null: every fold asks this one rule.
   */
  Onnx.NodeProto foldableReader(String tensor) {
    List<Integer> c = order.consumers().getOrDefault(tensor, List.of());
    return c.size() == 1 && !outputs.contains(tensor) ? graph.getNode(c.get(0)) : null;
  }

  /** Marks a node as folded into the layer before it; its output becomes {@code as}. */
  void absorb(Onnx.NodeProto node, String as) {
    Integer i = indexOf.get(node);
    if (i != null) {
      absorbed.add(i);
    }
    renamed.put(node.getOutput(0), as);
  }

  /**
   * Learned elements of the weights a layer reads that no earlier layer counted (a weight shared by
   * two layers is counted once).
   */
  long newWeights(NodeView v) {
    long n = 0;
    for (Tensor t : v.inputs) {
      if (t != null && !t.activation() && t.weight() != null && countedWeights.add(t.weight())) {
        n += tensors.get(t.weight()).elements();
      }
    }
    return n;
  }

  /** Marks the weights of a layer whose parameters the model's own rules count. */
  void countWeights(NodeView v) {
    for (Tensor t : v.inputs) {
      if (t != null && t.weight() != null) {
        countedWeights.add(t.weight());
      }
    }
  }
}
