package dev.devq.model;

import dev.devq.kb.Sourced;
import dev.devq.lang.unit.Quantity;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The published figures a zoo model is checked against: parameter count, MACs and, where published,
 * ImageNet top-1 (or another quality metric). {@code note} explains any counting convention that
 * differs from devq's. {@code largest} holds the largest value a source gives for a parameter
 * ({@code context}: the 4,096 positions Llama 2 was trained on), by parameter name, in file order.
 */
public record Reference(
    Sourced<Quantity> params,
    Sourced<Quantity> macs,
    Sourced<Quantity> top1,
    String note,
    Map<String, Sourced<Quantity>> largest) {
  public Reference {
    largest = Collections.unmodifiableMap(new LinkedHashMap<>(largest));
  }
}
