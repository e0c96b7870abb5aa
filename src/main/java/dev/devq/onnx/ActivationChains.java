package dev.devq.onnx;

import dev.devq.onnx.proto.Onnx;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Chains of element-wise nodes that stand for one activation, folded into one layer of that catalog
 * op as Core ML's converter fuses them: {@code x · sigmoid(x)} into silu, PyTorch's exact GELU
 * ({@code x / √2 → Erf → + 1 → · x → · 0.5}, below opset 20) and its tanh approximation into gelu
 * (coremltools' passes fuse_gelu_exact and fuse_gelu_tanh_approximation accept the same orders). A
 * chain matches only where each node's output is read by the next node alone and is no graph output
 * ({@link Planner#foldableReader}), so nothing else sees the values the fold removes.
 */
final class ActivationChains {
  /**
   * How close a constant must be to the chain's: coremltools' own tolerance, which admits the
   * rounded constants exporters write ({@code 1.41421}, {@code 0.797885}).
   */
  private static final double TOLERANCE = 1e-3;

  /** What the input of a step other than the one the chain passes along must be. */
  private enum Other {
    /** none: a unary op */
    NONE,
    /** the chain's input x */
    X,
    /** a constant of one element, {@link Step#value} */
    CONSTANT
  }

  /**
   * One node of a chain. For an op whose operands do not commute (Div, Pow) the value passed along
   * is the first operand.
   */
  private record Step(String op, Other other, double value) {
    boolean commutes() {
      return "Mul".equals(op) || "Add".equals(op);
    }
  }

  private record Chain(String catalogOp, List<Step> steps) {}

  private static final List<Chain> CHAINS = chains();

  private ActivationChains() {}

  private static Step unary(String op) {
    return new Step(op, Other.NONE, 0);
  }

  private static Step withX(String op) {
    return new Step(op, Other.X, 0);
  }

  private static Step by(String op, double value) {
    return new Step(op, Other.CONSTANT, value);
  }

  private static List<Chain> chains() {
    List<Chain> out = new ArrayList<>();
    out.add(new Chain("silu", List.of(unary("Sigmoid"), withX("Mul"))));
    // 0.5 · x · (…): the two products in either order
    List<List<Step>> halves =
        List.of(List.of(withX("Mul"), by("Mul", 0.5)), List.of(by("Mul", 0.5), withX("Mul")));
    List<List<Step>> scaled =
        List.of(List.of(by("Div", Math.sqrt(2))), List.of(by("Mul", Math.sqrt(0.5))));
    List<List<Step>> cubed = List.of(List.of(withX("Mul"), withX("Mul")), List.of(by("Pow", 3)));
    for (List<Step> half : halves) {
      for (List<Step> root : scaled) {
        out.add(gelu(root, List.of(unary("Erf"), by("Add", 1)), half));
      }
      for (List<Step> root : cubed) {
        out.add(
            gelu(
                root,
                List.of(
                    by("Mul", 0.044715),
                    withX("Add"),
                    by("Mul", Math.sqrt(2 / Math.PI)),
                    unary("Tanh"),
                    by("Add", 1)),
                half));
      }
    }
    return List.copyOf(out);
  }

  private static Chain gelu(List<Step> root, List<Step> body, List<Step> half) {
    List<Step> steps = new ArrayList<>(root);
    steps.addAll(body);
    steps.addAll(half);
    return new Chain("gelu", steps);
  }

  /**
   * The layer of the chain that starts at {@code v}'s node, its other nodes absorbed into it; null
   * when no chain starts there.
   */
  static Item fold(NodeView v, Planner p) {
    for (Chain c : CHAINS) {
      if (!c.steps().get(0).op().equals(v.op()) || !p.catalog.has(c.catalogOp())) {
        continue;
      }
      for (int xAt = 0; xAt < v.node.getInputCount(); xAt++) {
        List<Onnx.NodeProto> rest = match(c, v, xAt, p);
        if (rest != null) {
          rest.forEach(n -> p.absorb(n, v.node.getOutput(0)));
          // the layer reads x alone: the constants are folded in, and x is its main input
          Tensor[] only = new Tensor[v.inputs.size()];
          only[xAt] = v.inputs.get(xAt);
          return LayerMapping.simple(v.with(Arrays.asList(only)), p, c.catalogOp(), Map.of());
        }
      }
    }
    return null;
  }

  /**
   * The nodes after the first that complete chain {@code c} with x as input {@code xAt}, or null.
   */
  private static List<Onnx.NodeProto> match(Chain c, NodeView v, int xAt, Planner p) {
    Tensor xTensor = v.inputs.get(xAt);
    if (xTensor == null || !xTensor.activation()) {
      return null;
    }
    String x = p.resolve(v.node.getInput(xAt));
    if (!fits(c.steps().get(0), v.node, xAt, x, p)) {
      return null;
    }
    List<Onnx.NodeProto> rest = new ArrayList<>();
    Onnx.NodeProto at = v.node;
    for (Step step : c.steps().subList(1, c.steps().size())) {
      Onnx.NodeProto next = p.foldableReader(at.getOutput(0));
      if (next == null || !step.op().equals(next.getOpType()) || next.getOutputCount() != 1) {
        return null;
      }
      int passed = next.getInputList().indexOf(at.getOutput(0));
      if (passed < 0 || !fits(step, next, passed, x, p)) {
        return null;
      }
      rest.add(next);
      at = next;
    }
    return rest;
  }

  /** Whether {@code node} is {@code step} with the chain's value as input {@code passed}. */
  private static boolean fits(Step step, Onnx.NodeProto node, int passed, String x, Planner p) {
    int inputs = step.other() == Other.NONE ? 1 : 2;
    if (node.getInputCount() != inputs || passed != 0 && !step.commutes()) {
      return false;
    }
    if (inputs == 1) {
      return true;
    }
    String other = node.getInput(1 - passed);
    return switch (step.other()) {
      case X -> p.resolve(other).equals(x);
      case CONSTANT -> {
        Tensor t = p.tensor(other);
        yield t != null
            && !t.activation()
            && t.values() != null
            && t.values().length == 1
            && Math.abs(t.values()[0] - step.value()) <= TOLERANCE;
      }
      case NONE -> false;
    };
  }
}
