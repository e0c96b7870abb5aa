package dev.devq.kb;

import dev.devq.lang.unit.Quantity;

/**
 * One compute unit of a SoC: cores, peak throughput by precision (NaN where the unit has no such
 * path, e.g. fp32 on the ANE) and active power while busy. {@code peakMatrix} is the rate of matrix
 * work on dedicated matrix hardware of the unit: fp16 for the GPU "neural accelerators" of A19 and
 * M5, fp32 for the CPU's AMX (A13–A17, M1–M3) and SME (A18 on, M4 on) units; NaN where the unit has
 * none, and matrix work then runs at the unit's vector peak. {@code clock} is the top clock of the
 * CPU's performance cores (NaN for the other units, and where a profile does not give it): the CPU
 * does a layer's dispatch work for every unit but the Neural Engine. {@code bandwidth} is the DRAM
 * bandwidth the unit itself reaches where a public measurement shows it below the SoC's (the CPU
 * cluster of an M1 Max: {@code cpu.bandwidth}); NaN where the profile does not give it, and the
 * unit then reaches the SoC's ({@code dev.devq.cost.UnitRates#bandwidth} reads it).
 */
public record UnitSpec(
    Sourced<Integer> cores,
    Sourced<Quantity> peakFp16,
    Sourced<Quantity> peakInt8,
    Sourced<Quantity> peakFp32,
    Sourced<Quantity> power,
    Sourced<Quantity> peakMatrix,
    Sourced<Quantity> clock,
    Sourced<Quantity> bandwidth) {}
