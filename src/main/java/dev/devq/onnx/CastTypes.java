package dev.devq.onnx;

/**
 * The type a Cast converts to, its {@code to} attribute: a TensorProto.DataType the Cast of the
 * model's opset accepts. A Cast on an activation vanishes from a description, and one on a constant
 * folds, so devq read neither's type: a {@code to} of 0 (UNDEFINED), of 99, or none at all was
 * imported as if the Cast converted to some type, though ONNX's checker and every runtime refuse
 * it.
 */
final class CastTypes {
  static final int STRING = 8;
  static final int COMPLEX64 = 14;
  static final int COMPLEX128 = 15;
  static final int FLOAT8_FIRST = 17;
  static final int FLOAT8_LAST = 20;
  static final int UINT4 = 21;
  static final int INT4 = 22;

  private CastTypes() {}

  static void check(NodeView v) throws ImportFailure {
    var to = Attrs.find(v.node, "to");
    if (to == null) {
      throw v.failure(
          "has no attribute 'to', the type it converts to; ONNX requires one",
          "'to' is a TensorProto.DataType: 1 FLOAT, 7 INT64, 10 FLOAT16, …");
    }
    String why = refusal(to.getI(), v.opset);
    if (!why.isEmpty()) {
      throw v.failure(
          "attribute 'to' is " + to.getI() + ", " + why,
          "'to' is a TensorProto.DataType: 1 FLOAT, 7 INT64, 10 FLOAT16, …");
    }
  }

  /** Why a Cast at {@code opset} cannot convert to type {@code to}, or empty when it can. */
  private static String refusal(long to, long opset) {
    if (to == 0) {
      return "UNDEFINED (TensorProto.DataType 0), which names no type";
    }
    if (to == STRING) {
      return "STRING; devq describes no string tensors";
    }
    if (to == COMPLEX64 || to == COMPLEX128) {
      return "a complex type, which Cast does not convert to";
    }
    if (to >= FLOAT8_FIRST && to <= FLOAT8_LAST) {
      return opset >= 19 ? "" : "a float8 type, which Cast converts to from opset 19";
    }
    if (to == UINT4 || to == INT4) {
      return opset >= 21 ? "" : "a 4-bit integer type, which Cast converts to from opset 21";
    }
    return to >= 1 && to <= TensorData.BFLOAT16 ? "" : "which is no TensorProto.DataType";
  }
}
