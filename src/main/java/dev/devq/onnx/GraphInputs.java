package dev.devq.onnx;

import dev.devq.model.ModelLimits;
import dev.devq.onnx.proto.Onnx;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The graph's input: its shape with every dynamic dimension bound by {@code --dim name=value}. A
 * model description has one input without the batch axis, so the first axis must be a batch of 1.
 */
final class GraphInputs {
  private GraphInputs() {}

  static String bind(
      Onnx.GraphProto graph,
      Set<String> initializers,
      Map<String, Long> bindings,
      Map<String, Tensor> tensors)
      throws ImportFailure {
    List<Onnx.ValueInfoProto> inputs = new ArrayList<>();
    for (Onnx.ValueInfoProto vi : graph.getInputList()) {
      if (!initializers.contains(vi.getName())) {
        inputs.add(vi);
      }
    }
    if (inputs.isEmpty() && graph.getInputCount() > 0) {
      throw shadowed(graph.getInputList());
    }
    if (inputs.size() != 1) {
      throw new ImportFailure(
          "the graph has "
              + inputs.size()
              + " inputs "
              + inputs.stream().map(Onnx.ValueInfoProto::getName).toList()
              + "; devq describes models with exactly one input");
    }
    Onnx.ValueInfoProto in = inputs.get(0);
    if (!in.getType().hasTensorType() || !in.getType().getTensorType().hasShape()) {
      throw new ImportFailure(
          "input '" + in.getName() + "' declares no tensor shape (ValueInfoProto.type)");
    }
    long[] out = sizes(in, bindings);
    if (out.length < 2) {
      throw new ImportFailure(
          "input '"
              + in.getName()
              + "' has rank "
              + out.length
              + "; devq expects a batch axis first");
    }
    if (out[0] != 1) {
      throw new ImportFailure(
          "input '"
              + in.getName()
              + "' axis 0 (the batch) is "
              + out[0]
              + "; a description is for one sample",
          "bind it to 1 and pass the batch to the estimate instead: latency(m, target, batch = "
              + out[0]
              + ")");
    }
    tensors.put(in.getName(), Tensor.activation(out));
    return in.getName();
  }

  /**
   * Every graph input also named by an initializer: the initializer gives each a value, so devq
   * reads them as constants and the graph has nothing left to run on. This was "the graph has 0
   * inputs []", which did not say where the input went.
   */
  private static ImportFailure shadowed(List<Onnx.ValueInfoProto> all) {
    List<String> names = all.stream().map(vi -> "'" + vi.getName() + "'").toList();
    boolean one = names.size() == 1;
    return new ImportFailure(
        "graph input"
            + (one ? " " : "s ")
            + String.join(", ", names)
            + (one ? " is" : " are")
            + " also an initializer, which gives "
            + (one ? "it" : "each")
            + " a value: the graph has no input left to describe",
        "devq describes models with exactly one input; rename or remove the initializer that"
            + " shares the model input's name");
  }

  /**
   * The input's sizes, each dynamic dimension bound by its {@code --dim}; every one not bound is
   * reported at once.
   */
  private static long[] sizes(Onnx.ValueInfoProto in, Map<String, Long> bindings)
      throws ImportFailure {
    List<Onnx.TensorShapeProto.Dimension> dims =
        in.getType().getTensorType().getShape().getDimList();
    long[] out = new long[dims.size()];
    Map<String, String> dynamic = new LinkedHashMap<>();
    Map<String, Integer> unbound = new LinkedHashMap<>();
    for (int i = 0; i < out.length; i++) {
      Onnx.TensorShapeProto.Dimension d = dims.get(i);
      if (d.hasDimValue() && d.getDimValue() > 0) {
        out[i] = withinLimit(in.getName(), i, d.getDimValue(), "");
        continue;
      }
      if (d.hasDimValue()) {
        // was "has neither a size nor a name", though the file gives the size
        throw new ImportFailure(
            "input '"
                + in.getName()
                + "' axis "
                + i
                + " has size "
                + d.getDimValue()
                + " (dim_value); a size is a whole number from 1 to "
                + ModelLimits.MAX_AXIS,
            "a dynamic axis has a name (dim_param) instead, which --dim binds");
      }
      String param = d.hasDimParam() ? d.getDimParam() : "";
      if (param.isEmpty()) {
        throw new ImportFailure(
            "input '" + in.getName() + "' axis " + i + " has neither a size nor a name",
            "--dim binds a dynamic dimension by its name (dim_param): give the axis one, or a size");
      }
      Long bound = bindings.get(param);
      if (bound != null) {
        out[i] = withinLimit(in.getName(), i, bound, "--dim " + param + "=");
      } else {
        unbound.putIfAbsent(param, i);
      }
      dynamic.putIfAbsent(param, bound != null ? bound.toString() : i == 0 ? "1" : "VALUE");
    }
    if (!unbound.isEmpty()) {
      throw unbound(in.getName(), unbound, dynamic);
    }
    return out;
  }

  /**
   * Every dynamic dimension of the input not bound, reported at once with the {@code --dim} values
   * of all of them: one import at a time named only the next one.
   */
  private static ImportFailure unbound(
      String input, Map<String, Integer> unbound, Map<String, String> dynamic) {
    List<String> values = new ArrayList<>();
    dynamic.forEach((name, value) -> values.add(name + "=" + value));
    List<String> each = new ArrayList<>();
    unbound.forEach((name, axis) -> each.add("'" + name + "' (axis " + axis + ")"));
    var first = unbound.entrySet().iterator().next();
    String message =
        unbound.size() == 1
            ? "input '"
                + input
                + "' axis "
                + first.getValue()
                + " is the dynamic dimension '"
                + first.getKey()
                + "', which is not bound"
            : "input '"
                + input
                + "' has "
                + unbound.size()
                + " dynamic dimensions that are not bound: "
                + String.join(", ", each);
    return new ImportFailure(
        message, "bind them with --dim " + String.join(" --dim ", values), values);
  }

  /** A size from 1 to the largest axis a description allows; {@code given} names a --dim. */
  private static long withinLimit(String input, int axis, long size, String given)
      throws ImportFailure {
    if (size >= 1 && size <= ModelLimits.MAX_AXIS) {
      return size;
    }
    throw new ImportFailure(
        (given.isEmpty() ? "" : given + size + ": ")
            + "input '"
            + input
            + "' axis "
            + axis
            + " would have size "
            + size
            + "; a size is a whole number from 1 to "
            + ModelLimits.MAX_AXIS);
  }

  /**
   * A value_info's shape when every axis has a size, given or a dynamic dimension {@code bindings}
   * binds ({@code seq}, as the input names it), else null.
   */
  static long[] staticDims(Onnx.ValueInfoProto vi, Map<String, Long> bindings) {
    if (!vi.getType().hasTensorType() || !vi.getType().getTensorType().hasShape()) {
      return null;
    }
    List<Onnx.TensorShapeProto.Dimension> dims =
        vi.getType().getTensorType().getShape().getDimList();
    long[] out = new long[dims.size()];
    for (int i = 0; i < out.length; i++) {
      Onnx.TensorShapeProto.Dimension d = dims.get(i);
      Long bound = d.hasDimParam() ? bindings.get(d.getDimParam()) : null;
      if (bound != null) {
        out[i] = bound;
      } else if (d.hasDimValue() && d.getDimValue() > 0) {
        out[i] = d.getDimValue();
      } else {
        return null;
      }
    }
    return out;
  }
}
