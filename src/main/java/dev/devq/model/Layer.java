package dev.devq.model;

import java.util.Map;

/**
 * One layer after shape inference: the catalog op it runs, its shapes and its work.
 *
 * @param name a readable path such as {@code features.3.conv}
 * @param op the id of an op of the catalog
 * @param macs multiply-accumulates (one MAC = two FLOPs); zero for ops without them
 * @param flops all arithmetic, including the MACs
 * @param params learned parameters the layer uses (weights and biases); a layer with the attribute
 *     {@code tied} reuses those of the layer it names, so the model counts and stores them once
 * @param stateElements elements of persistent state read each call (a KV cache)
 * @param attributes shape attributes placement checks (kernel, stride, dilation, scale, axis) and
 *     facts the cost model reads ({@code rows_read} of a table lookup, {@code tied})
 */
public record Layer(
    String name,
    String op,
    Shape input,
    Shape output,
    long macs,
    long flops,
    long params,
    long stateElements,
    Map<String, String> attributes) {
  public Layer {
    attributes = Map.copyOf(attributes);
  }

  public String attribute(String key, String fallback) {
    return attributes.getOrDefault(key, fallback);
  }

  /** True when the layer reuses another layer's weights ({@code tie:}), which own them. */
  public boolean tied() {
    return attributes.containsKey("tied");
  }
}
