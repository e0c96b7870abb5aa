package dev.devq.kb;

import dev.devq.lang.unit.Quantity;

/**
 * One compute unit of a SoC: cores, peak throughput by precision (NaN where the unit has no such
 * path, e.g. fp32 on the ANE) and active power while busy.
 */
public record UnitSpec(
    Sourced<Integer> cores,
    Sourced<Quantity> peakFp16,
    Sourced<Quantity> peakInt8,
    Sourced<Quantity> peakFp32,
    Sourced<Quantity> power) {}
