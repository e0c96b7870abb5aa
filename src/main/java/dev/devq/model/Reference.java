package dev.devq.model;

import dev.devq.kb.Sourced;
import dev.devq.lang.unit.Quantity;

/**
 * The published figures a zoo model is checked against: parameter count, MACs and, where published,
 * ImageNet top-1 (or another quality metric). {@code note} explains any counting convention that
 * differs from devq's.
 */
public record Reference(
    Sourced<Quantity> params, Sourced<Quantity> macs, Sourced<Quantity> top1, String note) {}
