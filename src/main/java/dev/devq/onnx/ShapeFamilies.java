package dev.devq.onnx;

import java.util.Set;

/**
 * The ops whose output shape follows from their inputs' by one rule, named once for the shape
 * inference ({@link Shapes}) and the schema checks ({@link OpSchemas}) that both read them.
 */
final class ShapeFamilies {
  /**
   * Ops whose output has the shape of their first input: activations, normalizations, casts and
   * quantizers, and the element-wise ops of one tensor.
   */
  static final Set<String> SAME_SHAPE =
      Set.of(
          "Relu",
          "LeakyRelu",
          "Sigmoid",
          "Tanh",
          "HardSwish",
          "HardSigmoid",
          "Elu",
          "Selu",
          "Softplus",
          "Softsign",
          "Mish",
          "Gelu",
          "Erf",
          "Sqrt",
          "Exp",
          "Log",
          "Abs",
          "Neg",
          "Reciprocal",
          "Floor",
          "Ceil",
          "Round",
          "Sin",
          "Cos",
          "Not",
          "Sign",
          "Clip",
          "Softmax",
          "LogSoftmax",
          "Hardmax",
          "LayerNormalization",
          "InstanceNormalization",
          "GroupNormalization",
          "RMSNormalization",
          "LpNormalization",
          "LRN",
          "Dropout",
          "Identity",
          "Cast",
          "CastLike",
          "QuantizeLinear",
          "DequantizeLinear",
          "IsNaN",
          "IsInf",
          "CumSum",
          "Trilu",
          "ThresholdedRelu",
          "Celu",
          "Shrink",
          "DynamicQuantizeLinear");

  /**
   * Ops whose output is their inputs broadcast together, NumPy's way ({@link Shapes#broadcast}).
   */
  static final Set<String> BROADCAST =
      Set.of(
          "Add",
          "Sub",
          "Mul",
          "Div",
          "Pow",
          "Max",
          "Min",
          "Sum",
          "Mean",
          "Equal",
          "Less",
          "Greater",
          "LessOrEqual",
          "GreaterOrEqual",
          "And",
          "Or",
          "Xor",
          "Where",
          "PRelu",
          "Mod",
          "BitShift");

  private ShapeFamilies() {}
}
