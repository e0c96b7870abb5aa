package dev.devq.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model instance: a zoo description with its parameters bound, shapes inferred, and transforms
 * applied. Immutable; transforms return new models.
 *
 * @param label how queries name it, e.g. {@code quantize(mobilenet_v2(width = 0.5), w8)}
 * @param peakActivationElements the largest number of activation elements alive at once
 */
public record Model(
    String id,
    String label,
    String name,
    Map<String, Object> parameters,
    Shape input,
    List<Layer> layers,
    NumericFormat format,
    Reference reference,
    long peakActivationElements) {
  public Model {
    parameters =
        Collections.unmodifiableMap(
            new LinkedHashMap<>(parameters)); // in declared order, for display
    layers = List.copyOf(layers);
  }

  /** Learned parameters, tied weights counted once. */
  public long params() {
    return layers.stream()
        .filter(l -> !l.tied())
        .mapToLong(Layer::params)
        .reduce(0, Math::addExact);
  }

  public long macs() {
    return layers.stream().mapToLong(Layer::macs).reduce(0, Math::addExact);
  }

  public long flops() {
    return layers.stream().mapToLong(Layer::flops).reduce(0, Math::addExact);
  }

  /**
   * Bytes of stored weights at the model's format, palettes and sparse masks included; tied weights
   * once.
   */
  public double weightBytes() {
    Layer head = outputLayer();
    double bytes = 0;
    for (Layer l : layers) {
      if (!l.tied()) {
        bytes += weightBytes(l, head);
      }
    }
    return bytes;
  }

  /**
   * Bytes of the weights one layer uses at the model's format (a tied layer's are stored by
   * another).
   */
  public double weightBytes(Layer l) {
    return weightBytes(l, outputLayer());
  }

  private double weightBytes(Layer l, Layer head) {
    boolean table = "embedding".equals(l.op());
    boolean output = head != null && (l == head || (head.tied() && l == owner(head)));
    return format.weightBytes(l.params(), table, output);
  }

  /**
   * The layer whose weights a GGUF file stores as its output tensor, which llama.cpp quantizes
   * apart ({@link NumericFormat#weightBytes}): the last linear layer, the LM head (when it is tied,
   * its weights are the token table's, and that table is the output tensor). Null when the model
   * has no GGUF scheme, so no format treats a layer apart, or no linear layer.
   */
  private Layer outputLayer() {
    if (format.scheme().isEmpty()) {
      return null;
    }
    for (int i = layers.size() - 1; i >= 0; i--) {
      if ("linear".equals(layers.get(i).op())) {
        return layers.get(i);
      }
    }
    return null;
  }

  /** The layer whose weights {@code tied} reuses: the one its {@code tied} attribute names. */
  private Layer owner(Layer tied) {
    String name = tied.attribute("tied", "");
    for (Layer l : layers) {
      if (l.name().equals(name)) {
        return l;
      }
    }
    return null;
  }

  /** Bytes of persistent state (the KV cache) at the activation precision. */
  public double stateBytes() {
    // a loop, not a stream: every one-shot prediction asks this, and a stream's first use links
    // its pipeline classes and method handles, a couple of ms of a cold start
    long elements = 0;
    for (Layer l : layers) {
      elements = Math.addExact(elements, l.stateElements());
    }
    return elements * format.activationBytes();
  }

  public double peakActivationBytes() {
    return peakActivationElements * format.activationBytes();
  }

  public Model withFormat(NumericFormat newFormat, String newLabel) {
    return new Model(
        id,
        newLabel,
        name,
        parameters,
        input,
        layers,
        newFormat,
        reference,
        peakActivationElements);
  }
}
