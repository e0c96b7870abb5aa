package dev.devq.onnx;

import dev.devq.onnx.proto.Onnx;
import java.util.ArrayList;
import java.util.List;

/**
 * Folds a BatchNormalization into the convolution before it, as Core ML's converter does: its
 * {@code fuse_conv_batchnorm} pass rewrites the weights and bias of a {@code conv} or {@code
 * conv_transpose} whose only reader is a {@code batch_norm} and removes the batch norm. At
 * inference a batch norm is a per-channel scale and shift, which the convolution's weights and bias
 * carry. So an export that keeps its batch norms (PyTorch's {@code training=PRESERVE}) is described
 * as the network its folded export is, and costs the same on every unit. A batch norm in training
 * form (more outputs than its result, or {@code training_mode = 1}), one whose scale, shift or
 * statistics are computed at run time, and one after a convolution whose output something else also
 * sees (another reader, or the graph's outputs: {@link Planner#foldableReader}) stay layers of
 * their own, as the converter leaves them.
 */
final class BatchNormFold {
  private static final int INPUTS = 5;

  private BatchNormFold() {}

  /**
   * Whether the batch norm reading {@code conv}'s output folds into it; if so it is absorbed (its
   * output becomes the convolution's), and the convolution gains a bias where it had none.
   */
  static boolean into(NodeView conv, Planner p) throws ImportFailure {
    String out = conv.node.getOutput(0);
    Onnx.NodeProto bn = p.foldableReader(out);
    if (bn == null
        || !"BatchNormalization".equals(bn.getOpType())
        || bn.getInputCount() != INPUTS
        || !bn.getInput(0).equals(out)
        || Attrs.i(bn, "training_mode", 0) != 0) {
      return false;
    }
    for (int i = 1; i < bn.getOutputCount(); i++) {
      if (!bn.getOutput(i).isEmpty()) {
        return false;
      }
    }
    List<Tensor> in = new ArrayList<>();
    for (String name : bn.getInputList()) {
      Tensor t = p.tensor(name);
      if (t == null || t.activation() && !name.equals(out)) {
        return false;
      }
      in.add(t);
    }
    // a folded norm never reaches shape inference, which checks its lengths against the channels
    Convs.batchNorm(new NodeView(bn, in, p.labels, p.opset));
    p.absorb(bn, out);
    p.foldedBatchNorms++;
    return true;
  }
}
