package dev.devq.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.kb.ComputeUnit;
import dev.devq.kb.Soc;
import dev.devq.lang.SourceText;
import dev.devq.query.eval.Session;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A unit's energy on a layer: full power while its arithmetic runs, {@code stall_power_share.UNIT}
 * of it for the rest of the layer's time. The table works the rule by hand on the A15's unit
 * powers; the last test holds the Neural Engine's share against the one published measurement of an
 * iPhone's Neural Engine power, which no constant was set from.
 */
class UnitEnergyTest {
  private static final double STALL = 0.25;

  private static final Coefficients SHARES =
      new Coefficients(
          Map.of(
              "stall_power_share.ane", STALL,
              "stall_power_share.gpu", 1.0,
              "stall_power_share.cpu", 1.0,
              "dram_energy_per_byte", 80e-12));

  /**
   * At {@code thermal} of its clock a unit draws that share of its power computing (the compute
   * time, already throttled, is 1 / thermal as long: energy per operation unchanged) and its stall
   * share waiting, at most {@code thermal}: the rows at 0.5 and 0.2 fail where throttling leaves
   * the power as it is.
   */
  @ParameterizedTest(
      name = "{0} at {1}: compute {2} µs, memory {3} µs, overhead {4} µs → {5} × power µs")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      ane | 1   | 100 | 40  | 0  | 100
      ane | 1   | 40  | 100 | 0  | 55
      ane | 1   | 0   | 100 | 0  | 25
      ane | 1   | 40  | 100 | 20 | 60
      ane | 1   | 30  | 0   | 0  | 30
      cpu | 1   | 40  | 100 | 20 | 120
      gpu | 1   | 40  | 100 | 0  | 100
      ane | 0.5 | 200 | 40  | 0  | 100
      ane | 0.5 | 80  | 100 | 0  | 45
      ane | 0.2 | 100 | 100 | 20 | 24
      cpu | 0.5 | 80  | 100 | 20 | 60
      gpu | 0.5 | 200 | 100 | 0  | 100
      """)
  void aUnitDrawsFullPowerOnlyWhileItComputes(
      String unit,
      double thermal,
      double computeUs,
      double memoryUs,
      double overheadUs,
      double fullPowerUs) {
    Soc a15 = DevqAssertions.kb().socs().get("a15");
    ComputeUnit u = ComputeUnit.valueOf(unit.toUpperCase(Locale.ROOT));
    var layer =
        new LayerCost(
            null,
            u,
            computeUs * 1e-6,
            memoryUs * 1e-6,
            0,
            overheadUs * 1e-6,
            0,
            Fold.NONE,
            false,
            "",
            0);
    double expected = UnitRates.power(a15, u) * fullPowerUs * 1e-6;
    assertEquals(expected, new UnitEnergy(SHARES).of(a15, layer, thermal), expected * 1e-12);
  }

  /**
   * Throttling cuts a unit's clock, so its dynamic power falls at least as fast as its arithmetic
   * slows: a prediction's energy, and the battery a duty cycle takes, never rise with the thermal
   * state. Before the rule they rose (ResNet-50 on an iPhone 12's CPU, critical: 226 → 535 mJ; on
   * an iPhone 13 after 2 minutes, its latency unchanged, 7.18 → 7.66 mJ, as the engine's stalled
   * time turned into arithmetic at full power).
   */
  @ParameterizedTest(name = "{1} of {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      energy(resnet50, iphone_12, STATE, units = cpu_only)          | critical
      energy(resnet50, iphone_13, STATE)                            | after(2min)
      energy(resnet50, iphone_13, STATE)                            | critical
      energy(distilbert_ane, iphone_13, STATE)                      | sustained
      energy(mobilenet_v2, ipad_air_5, STATE, units = cpu_and_gpu) | serious
      battery(resnet50, iphone_12, 5fps, 1h, STATE, units = cpu_only) | critical
      energy(llama_3_1_8b(phase = decode), m1_max, STATE, runtime = llama_cpp) | sustained
      """)
  void throttlingNeverRaisesEnergy(String query, String state) {
    double nominal = DevqAssertions.quantity(query.replace("STATE", "nominal")).value();
    double throttled = DevqAssertions.quantity(query.replace("STATE", state)).value();
    assertTrue(throttled <= nominal * (1 + 1e-12), state + ": " + nominal + " → " + throttled);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      latency(distilbert_ane, iphone_13)
      latency(resnet50, iphone_12, units = cpu_and_gpu)
      latency(qwen3_0_6b, iphone_13_pro, os = "iOS 17")
      latency(llama_3_1_8b, m1_max, runtime = llama_cpp)
      latency(resnet50, iphone_13, critical)
      latency(qwen3_0_6b, iphone_13_pro, serious, os = "iOS 17")
      """)
  void theEnergyPartsAddUpToTheEnergy(String query) {
    Prediction p =
        (Prediction)
            DevqAssertions.interpreter()
                .explain(new SourceText("test", query), Session.EMPTY)
                .estimate();
    EnergyParts e = p.energyParts();
    double sum = e.dram() + e.units().values().stream().mapToDouble(Double::doubleValue).sum();
    assertEquals(p.energy(), sum, p.energy() * 1e-12, "the parts add up");
    double dramBytes = p.dramBytes() + p.cacheCopies().dramBytes();
    double perByte = DevqAssertions.engine().costModel().coefficients().get("dram_energy_per_byte");
    assertEquals(dramBytes * perByte, e.dram(), e.dram() * 1e-12, "DRAM at its energy per byte");
    Coefficients k = DevqAssertions.engine().costModel().coefficients();
    double expected = e.dram();
    LayerCost copier = null;
    for (LayerCost c : p.layers()) {
      assertTrue(e.units().containsKey(c.unit()), "every unit that ran a layer has a part");
      double computing = Math.min(c.computeTime() + c.outputTime(), c.time());
      double stall = Math.min(k.get("stall_power_share." + c.unit().key()), p.thermalFactor());
      expected +=
          UnitRates.power(p.target().soc(), c.unit())
              * (p.thermalFactor() * computing + stall * (c.time() - computing));
      copier = copier == null && c.layer().stateElements() > 0 ? c : copier;
    }
    if (p.cacheCopies().any()) {
      // the copies move data: the unit running the cache's layers draws its stall share meanwhile
      expected +=
          UnitRates.power(p.target().soc(), copier.unit())
              * Math.min(k.get("stall_power_share." + copier.unit().key()), p.thermalFactor())
              * p.cacheCopies().time();
    }
    assertEquals(expected, p.energy(), expected * 1e-12, "units while busy, copies, DRAM");
  }

  /**
   * Apple's "Deploying Transformers on the Apple Neural Engine" (2022): DistilBERT rewritten for
   * the Neural Engine, sequence 128, on an iPhone 13 (iOS 16), "an average latency of 3.47 ms at
   * 0.454 W", 1.58 mJ a prediction on the engine (DRAM, whose energy devq charges apart, is not on
   * the engine's rail). The A15's Neural Engine power is an estimate scaled from Mac rail readings,
   * so this bounds the rule and that estimate together: at full power for the whole busy time the
   * engine came out 3.8 times Apple's figure; with the stall share, 2.2 times, and 2.4 since the
   * engine's vector path is charged per output byte (its busy time is longer).
   */
  @Test
  void theNeuralEngineEnergyOfDistilbertIsWithinReachOfApplesMeasurement() {
    var x =
        DevqAssertions.interpreter()
            .explain(
                new SourceText("test", "latency(distilbert_ane, iphone_13, os = \"iOS 16\")"),
                Session.EMPTY);
    Prediction p = (Prediction) x.estimate();
    double engine = p.energyParts().units().get(ComputeUnit.ANE);
    double fullPower = 0;
    for (LayerCost c : p.layers()) {
      if (c.unit() == ComputeUnit.ANE) {
        fullPower += UnitRates.power(p.target().soc(), c.unit()) * c.time();
      }
    }
    double measured = 3.47e-3 * 0.454;
    System.out.printf(
        Locale.ROOT,
        "DistilBERT on the iPhone 13's Neural Engine: %.2f mJ predicted, %.2f mJ measured (%.1f×;"
            + " %.1f× at full power)%n",
        engine * 1e3,
        measured * 1e3,
        engine / measured,
        fullPower / measured);
    assertTrue(engine < 0.7 * fullPower, "the engine's stalled time is charged at its share");
    assertTrue(engine / measured < 2.5, "within 2.5× of Apple's figure");
  }
}
