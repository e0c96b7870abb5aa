package dev.devq.model;

import static dev.devq.model.ModelLimits.mul;

import java.util.Map;

/** What an op rule computes for one layer before it is named and placed. */
record LayerWork(
    String op,
    Shape output,
    long macs,
    long flops,
    long params,
    long stateElements,
    Map<String, String> attributes) {
  static LayerWork elementwise(String op, Shape in, long flopsPerElement) {
    return new LayerWork(op, in, 0, mul(flopsPerElement, in.elements()), 0, 0, Map.of());
  }
}
