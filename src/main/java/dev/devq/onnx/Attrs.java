package dev.devq.onnx;

import dev.devq.onnx.proto.Onnx;
import java.nio.charset.StandardCharsets;

/** Reads a node's attributes by name, with the defaults the ONNX operator specs give. */
final class Attrs {
  private Attrs() {}

  static Onnx.AttributeProto find(Onnx.NodeProto node, String name) {
    for (Onnx.AttributeProto a : node.getAttributeList()) {
      if (a.getName().equals(name)) {
        return a;
      }
    }
    return null;
  }

  static long i(Onnx.NodeProto node, String name, long fallback) {
    Onnx.AttributeProto a = find(node, name);
    return a == null ? fallback : a.getI();
  }

  static float f(Onnx.NodeProto node, String name, float fallback) {
    Onnx.AttributeProto a = find(node, name);
    return a == null ? fallback : a.getF();
  }

  static String s(Onnx.NodeProto node, String name, String fallback) {
    Onnx.AttributeProto a = find(node, name);
    return a == null ? fallback : a.getS().toString(StandardCharsets.UTF_8);
  }

  /** An INTS attribute, or null when absent. */
  static long[] ints(Onnx.NodeProto node, String name) {
    Onnx.AttributeProto a = find(node, name);
    if (a == null) {
      return null;
    }
    long[] out = new long[a.getIntsCount()];
    for (int k = 0; k < out.length; k++) {
      out[k] = a.getInts(k);
    }
    return out;
  }
}
