package dev.devq.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a build has produced so far: the layers in order, their generated names, the tensors kept
 * alive (saved ones and the inputs of open joins) and the peak of live activations. Every layer
 * passes {@link #emit}, the one place where the size limits of {@link ModelLimits} are enforced, so
 * no path of the builder can add a layer that escapes them.
 */
final class Expansion {
  private final List<Layer> layers = new ArrayList<>();
  private final Map<String, Integer> nameCounts = new HashMap<>();
  private final SavedTensors saved = new SavedTensors();
  private long held;
  private long peak;

  /** Adds a layer reading {@code in}; returns its output, the new current tensor. */
  Shape emit(String label, LayerWork work, Shape in) {
    if (layers.size() >= ModelLimits.MAX_LAYERS) {
      throw new ModelLimits.Exceeded(
          null,
          "the model expands to more than "
              + ModelLimits.MAX_LAYERS
              + " layers, the limit: a repeat count or nested block calls multiply too far");
    }
    ModelLimits.checkShape(work.output(), "the output");
    long live = Math.addExact(Math.addExact(held, in.elements()), work.output().elements());
    peak = Math.max(peak, live);
    layers.add(
        new Layer(
            label,
            work.op(),
            in,
            work.output(),
            work.macs(),
            work.flops(),
            work.params(),
            work.stateElements(),
            work.attributes()));
    return work.output();
  }

  /** A generated layer name: the kind and its running number ({@code conv2d_3}). */
  String unique(String kind) {
    int n = nameCounts.merge(kind, 1, Integer::sum);
    return kind + "_" + n;
  }

  /** Keeps a tensor alive (a join's input or a finished branch) until {@link #release}. */
  void hold(Shape s) {
    held = Math.addExact(held, s.elements());
  }

  void release(Shape s) {
    held -= s.elements();
  }

  /** {@code save: name}: keeps {@code s} alive under a name, replacing an earlier one. */
  void save(String name, Shape s) {
    held = Math.addExact(held, s.elements() - saved.put(name, s));
  }

  SavedTensors saved() {
    return saved;
  }

  /** A block call opens its own namespace of saved tensors. */
  void enterBlock() {
    saved.enter();
  }

  void leaveBlock() {
    held -= saved.leave();
  }

  List<Layer> layers() {
    return layers;
  }

  long peak() {
    return peak;
  }
}
