package dev.devq.kb;

import dev.devq.lang.unit.Quantity;

/**
 * One compute unit of a SoC: cores, peak throughput by precision (NaN where the unit has no such
 * path, e.g. fp32 on the ANE) and active power while busy. {@code peakMatrix} is the fp16 rate of
 * matrix work on dedicated matrix hardware inside the unit (the GPU "neural accelerators" of A19
 * and M5), NaN where the unit has none; matrix work then runs at {@code peakFp16}.
 */
public record UnitSpec(
    Sourced<Integer> cores,
    Sourced<Quantity> peakFp16,
    Sourced<Quantity> peakInt8,
    Sourced<Quantity> peakFp32,
    Sourced<Quantity> power,
    Sourced<Quantity> peakMatrix) {}
