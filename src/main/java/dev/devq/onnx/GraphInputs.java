package dev.devq.onnx;

import dev.devq.model.ModelLimits;
import dev.devq.onnx.proto.Onnx;
import java.util.ArrayList;
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
    List<Onnx.TensorShapeProto.Dimension> dims =
        in.getType().getTensorType().getShape().getDimList();
    long[] out = new long[dims.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = dim(in.getName(), i, dims.get(i), bindings);
    }
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

  private static long dim(
      String input, int axis, Onnx.TensorShapeProto.Dimension d, Map<String, Long> bindings)
      throws ImportFailure {
    if (d.hasDimValue() && d.getDimValue() > 0) {
      return withinLimit(input, axis, d.getDimValue(), "");
    }
    String param = d.hasDimParam() ? d.getDimParam() : "";
    if (!param.isEmpty() && bindings.containsKey(param)) {
      return withinLimit(input, axis, bindings.get(param), "--dim " + param + "=");
    }
    String name = param.isEmpty() ? "N" : param;
    throw new ImportFailure(
        "input '"
            + input
            + "' axis "
            + axis
            + (param.isEmpty() ? " has no size" : " is the dynamic dimension '" + param + "'")
            + ", which is not bound",
        "bind it with --dim " + name + "=" + (axis == 0 ? "1" : "VALUE"));
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

  /** A value_info's shape when every axis has a size, else null. */
  static long[] staticDims(Onnx.ValueInfoProto vi) {
    if (!vi.getType().hasTensorType() || !vi.getType().getTensorType().hasShape()) {
      return null;
    }
    List<Onnx.TensorShapeProto.Dimension> dims =
        vi.getType().getTensorType().getShape().getDimList();
    long[] out = new long[dims.size()];
    for (int i = 0; i < out.length; i++) {
      if (!dims.get(i).hasDimValue() || dims.get(i).getDimValue() <= 0) {
        return null;
      }
      out[i] = dims.get(i).getDimValue();
    }
    return out;
  }
}
