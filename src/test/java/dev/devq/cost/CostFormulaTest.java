package dev.devq.cost;

import static dev.devq.DevqAssertions.quantity;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.devq.DevqAssertions;
import dev.devq.kb.ComputeUnit;
import dev.devq.kb.Soc;
import dev.devq.model.Layer;
import dev.devq.model.Shape;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The cost formulas on one synthetic layer, worked by hand: the roofline {@code max(FLOPs / (peak ×
 * eff × thermal), bytes / (bandwidth × bw_eff)) + overhead × 3 GHz / P-core clock}, DRAM bytes,
 * energy and battery. The coefficients are set here, so only the formulas are under test.
 */
class CostFormulaTest {
  private static final double EFF = 0.5;
  private static final double BW_EFF = 0.8;
  private static final double ACT_FACTOR = 2;
  private static final double OVERHEAD = 10e-6;
  private static final double FIXED = 100e-6;

  private static CostModel costModel() {
    Map<String, Double> k = new java.util.HashMap<>();
    for (ComputeUnit u : ComputeUnit.values()) {
      for (String c : Coefficients.CLASSES) {
        k.put("eff." + u.key() + "." + c, EFF);
      }
      k.put("overhead." + u.key(), OVERHEAD);
    }
    k.put("bw_eff", BW_EFF);
    k.put("act_bw_factor", ACT_FACTOR);
    k.put("fixed", FIXED);
    return DevqAssertions.engine().costModel().with(k);
  }

  private static Prediction cpuEstimate(Layer layer, String soc, ThermalState state) {
    var one = OneLayer.of(layer, soc);
    return costModel()
        .estimate(
            one.model(),
            one.target(),
            new Conditions(Thermal.of(state), UnitSet.CPU_ONLY, 1, Start.WARM));
  }

  @ParameterizedTest(name = "{0} {1} FLOPs, {2} params on {5} {6} → {7}-bound")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      linear       | 524288      | 262656   | 512     | 512     | a16      | nominal | overhead
      linear       | 524288      | 262656   | 512     | 512     | a12      | serious | overhead
      linear       | 16777216    | 8390656  | 4096    | 2048    | a16      | nominal | memory
      batch_matmul | 10000000000 | 0        | 262144  | 262144  | a16      | nominal | compute
      batch_matmul | 10000000000 | 0        | 262144  | 262144  | a17_pro  | critical| compute
      add          | 100         | 0        | 100     | 100     | a16      | nominal | overhead
      add          | 4000000     | 0        | 4000000 | 4000000 | m1_max   | nominal | memory
      """)
  void rooflineOfOneLayerMatchesTheHandComputation(
      String op,
      long flops,
      long params,
      long in,
      long out,
      String soc,
      String state,
      String bound) {
    var layer =
        new Layer("l", op, Shape.of(in), Shape.of(out), flops / 2, flops, params, 0, Map.of());
    Prediction est = cpuEstimate(layer, soc, ThermalState.parse(state.strip()));
    Soc s = DevqAssertions.kb().socs().get(soc);
    // matrix products run on the CPU's matrix unit (AMX/SME) where the SoC has one; the rest on
    // NEON
    double matrix = s.cpu().peakMatrix().value().value();
    boolean matrixOp = op.equals("linear") || op.equals("batch_matmul");
    double peak = matrixOp && !Double.isNaN(matrix) ? matrix : s.cpu().peakFp32().value().value();
    // the CPU streams at its own measured bandwidth where the profile gives one (m1_max)
    double own = s.cpu().bandwidth().value().value();
    double bandwidth = (Double.isNaN(own) ? s.bandwidth().value().value() : own) * BW_EFF;
    double thermal =
        ThermalFactor.of(
            s, est.target().device().formFactor(), Thermal.of(ThermalState.parse(state.strip())));
    double weights = params * 2.0;
    double activations = (in + out) * 2.0;
    double cache = s.slc().value().value() * 0.5;
    boolean onChip = activations <= cache;
    // weights that fit the cache stay there between warm predictions
    boolean resident = weights <= cache;
    double compute = flops / (peak * EFF * thermal);
    double weightTime = weights / (resident ? bandwidth * ACT_FACTOR : bandwidth);
    // on-chip activations move concurrently with the weights' stream; spilled ones share DRAM
    double memory =
        onChip
            ? Math.max(weightTime, activations / (bandwidth * ACT_FACTOR))
            : weightTime + activations / bandwidth;
    // a layer's dispatch is work of a P-core: the fitted cost is a 3 GHz core's
    double overhead = OVERHEAD * Coefficients.DISPATCH_CLOCK_HZ / s.cpu().clock().value().value();
    LayerCost c = est.layers().get(0);
    assertEquals(compute, c.computeTime(), compute * 1e-9, "compute time");
    assertEquals(memory, c.memoryTime(), memory * 1e-9, "memory time");
    assertEquals(overhead, c.overhead(), overhead * 1e-12, "overhead");
    assertEquals(
        (resident ? 0 : weights) + (onChip ? 0 : activations), c.dramBytes(), 1e-6, "DRAM bytes");
    assertEquals(bound, c.bound().key());
    assertEquals(Math.max(compute, memory) + overhead + FIXED, est.warmLatency(), 1e-12, "total");
    // the CPU's stall share is 1, so at a thermal state it draws thermal × its power throughout
    double energy =
        s.cpu().power().value().value() * thermal * c.time()
            + c.dramBytes()
                * DevqAssertions.engine().costModel().coefficients().get("dram_energy_per_byte");
    assertEquals(
        energy,
        est.energy(),
        energy * 1e-9,
        "energy on the CPU = unit power × thermal × busy time + DRAM energy per byte");
  }

  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource({"mobilenet_v2, iphone_15_pro", "resnet50, iphone_12", "distilbert, ipad_pro_m4"})
  void energyIsUnitPowerTimesActiveTimePlusDramEnergy(String model, String device) {
    var x =
        DevqAssertions.interpreter()
            .explain(
                new dev.devq.lang.SourceText("test", "energy(" + model + ", " + device + ")"),
                dev.devq.query.eval.Session.EMPTY);
    Prediction est = (Prediction) x.estimate();
    double dramJoulesPerByte =
        DevqAssertions.engine().costModel().coefficients().get("dram_energy_per_byte");
    Coefficients k = DevqAssertions.engine().costModel().coefficients();
    double expected = 0;
    for (LayerCost c : est.layers()) {
      // full power while the unit computes, its stall share of it for the rest of the layer
      double computing = Math.min(c.computeTime() + c.outputTime(), c.time());
      double stalled = c.time() - computing;
      double share = k.get("stall_power_share." + c.unit().key());
      expected +=
          UnitRates.power(est.target().soc(), c.unit()) * (computing + share * stalled)
              + c.dramBytes() * dramJoulesPerByte;
    }
    assertEquals(expected, est.energy(), expected * 1e-9);
    assertEquals(
        expected, quantity("energy(" + model + ", " + device + ")").value(), expected * 1e-9);
  }

  @ParameterizedTest(name = "{0} at {1} for {2}")
  @CsvSource({
    "mobilenet_v2, 30fps, 1h, 108000",
    "resnet50, 10fps, 30min, 18000",
    "distilbert, 1Hz, 8h, 28800"
  })
  void batteryIsPredictionsTimesEnergyOverCapacity(
      String model, String rate, String duration, double predictions) {
    double energy = quantity("energy(" + model + ", iphone_15_pro)").value();
    double capacity = quantity("iphone_15_pro.battery_wh").value();
    double share =
        quantity("battery(" + model + ", iphone_15_pro, " + rate + ", " + duration + ")").value();
    assertEquals(predictions * energy / capacity, share, share * 1e-9);
    double named =
        quantity(
                "battery("
                    + model
                    + ", iphone_15_pro, duration = "
                    + duration
                    + ", rate = "
                    + rate
                    + ")")
            .value();
    assertEquals(share, named, share * 1e-12);
  }

  @org.junit.jupiter.api.Test
  void aDutyCycleFasterThanTheModelRunsIsAnError() {
    DevqAssertions.assertFails(
        "battery(resnet50, iphone_12, 100000fps, 1h)", dev.devq.lang.DiagnosticCode.BAD_VALUE);
  }
}
