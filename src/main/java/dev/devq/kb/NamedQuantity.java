package dev.devq.kb;

import dev.devq.lang.unit.Quantity;

/**
 * A named quantity with a source: a rule of thumb of {@code budgets.yaml} or a physical constant of
 * {@code constants.yaml}.
 */
public record NamedQuantity(String id, String description, Sourced<Quantity> value) {}
