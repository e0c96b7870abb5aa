package dev.devq.model;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Tensors kept by {@code save: name} for a later {@code from: name}, as a feature pyramid needs
 * (YOLO's neck joins the upsampled deep features with the saved stride-8 and stride-16 maps).
 *
 * <p>The model's body is one namespace and each block call opens its own, so a block reused in many
 * places never sees nor overwrites another call's names. Saving a name again replaces it (the usual
 * case inside {@code repeat}). A saved tensor stays alive, for peak-memory purposes, until it is
 * replaced or its namespace closes: a conservative bound that never under-counts.
 */
final class SavedTensors {
  private final Deque<Map<String, Shape>> scopes = new ArrayDeque<>();

  SavedTensors() {
    scopes.push(new LinkedHashMap<>());
  }

  /**
   * Keeps {@code shape} under {@code name}; returns the elements of the tensor it replaces (0 if
   * none).
   */
  long put(String name, Shape shape) {
    Shape old = scopes.element().put(name, shape);
    return old == null ? 0 : old.elements();
  }

  /** The tensor saved under {@code name} in the current namespace, or null. */
  Shape get(String name) {
    return scopes.element().get(name);
  }

  Set<String> names() {
    return scopes.element().keySet();
  }

  void enter() {
    scopes.push(new LinkedHashMap<>());
  }

  /** Closes the innermost namespace; returns the elements of the tensors it held. */
  long leave() {
    return scopes.pop().values().stream().mapToLong(Shape::elements).sum();
  }
}
