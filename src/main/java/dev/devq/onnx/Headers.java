package dev.devq.onnx;

import dev.devq.onnx.proto.Onnx;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The identity and provenance lines at the top of an imported description. */
final class Headers {
  private Headers() {}

  static Description.Header of(
      String id, Path file, Onnx.ModelProto model, long opset, Planner planner, String precision) {
    String fileName = file.getFileName().toString();
    String producer =
        model.getProducerName().isEmpty()
            ? "an unnamed producer"
            : model.getProducerName() + " " + model.getProducerVersion();
    String weights =
        "w8a8".equals(precision)
            ? "A quantized (QDQ / QLinear) graph: int8 weights and activations (w8a8)."
            : planner.fp32Weights
                ? "Its fp32 weights are stored as fp16, as the Core ML converter does by default;"
                    + " precision(m, fp32) keeps them at full width."
                : "Its weights are fp16.";
    weights += sparseNote(planner.sparse) + foldNote(planner.foldedBatchNorms);
    List<String> lines = new ArrayList<>();
    lines.add("# Written by `devq import " + fileName + "`; import again rather than edit.");
    lines.add("id: " + id);
    // the file name alone would clash when one file is imported under two ids
    lines.add("name: " + Description.quote(id + " (" + fileName + ")"));
    lines.add("task: imported ONNX model");
    lines.add(
        "description: "
            + Description.quote(
                "Imported from "
                    + fileName
                    + " (ONNX opset "
                    + opset
                    + ", written by "
                    + producer.trim()
                    + "); each layer is named after its ONNX node. "
                    + weights));
    lines.add("precision: " + precision);
    return new Description.Header(lines);
  }

  /**
   * Folded batch norms leave no layer of their own ({@link BatchNormFold}); the header says where
   * they went, since the file's nodes of that name are not in the description.
   */
  private static String foldNote(int folded) {
    if (folded == 0) {
      return "";
    }
    return folded == 1
        ? " A batch norm is folded into the convolution before it, as the Core ML converter folds"
            + " it."
        : " "
            + folded
            + " batch norms are folded into the convolutions before them, as the Core ML converter"
            + " folds them.";
  }

  /**
   * A converter runs sparse-stored weights dense; the header says how sparse they were, since
   * storing them sparse again is the user's choice ({@code prune}).
   */
  private static String sparseNote(SparseInitializers.Read sparse) {
    if (sparse.tensors() == 0) {
      return "";
    }
    boolean one = sparse.tensors() == 1;
    double share = 100.0 * sparse.nonZero() / Math.max(1, sparse.elements());
    return String.format(
        Locale.ROOT,
        " %d weight tensor%s stored sparse in the file, %s of %s %d values non-zero; devq describes"
            + " %s dense, as a converter runs %s (prune(m, x%%) stores weights sparse).",
        sparse.tensors(),
        one ? " is" : "s are",
        share >= 1 || share == 0 ? String.format(Locale.ROOT, "%.0f%%", share) : "under 1%",
        one ? "its" : "their",
        sparse.elements(),
        one ? "it" : "them",
        one ? "it" : "them");
  }
}
