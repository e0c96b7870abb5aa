package dev.devq.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the shipped catalog covers: SoCs, binned parts, devices, MIL ops and framework aliases. */
class CatalogCoverageTest {
  private static final KnowledgeBase KB = DevqAssertions.kb();

  @Test
  void theWholeCurrentLineupOfSocs() {
    assertEquals(32, KB.socs().size());
    for (String id :
        List.of(
            "a12x", "a12z", "m1_ultra", "m2_ultra", "m3_ultra", "m5", "m5_pro", "m5_max", "m6")) {
      assertTrue(KB.socs().containsKey(id), id);
    }
    Soc m5Max = KB.socs().get("m5_max");
    assertEquals(40, m5Max.gpu().cores().value());
    assertEquals(614e9, m5Max.bandwidth().value().value(), 1);
    assertEquals(819e9, KB.socs().get("m3_ultra").bandwidth().value().value(), 1);
    assertEquals(33, KB.socs().values().stream().mapToInt(s -> s.variants().size()).sum());
  }

  /**
   * The iPad Pros of 2018 and 2020 have chips of their own, not the A12's: twice its memory
   * interface, 7 and 8 GPU cores, and different last releases (iPadOS 27 drops the A12X, not the
   * A12Z).
   */
  @Test
  void theA12xAndA12zArePartsOfTheirOwn() {
    Soc a12 = KB.socs().get("a12");
    for (String device : List.of("ipad_pro_11_2018", "ipad_pro_12_9_2018")) {
      assertEquals("a12x", KB.socOf(KB.entity(device)).id(), device);
    }
    for (String device : List.of("ipad_pro_11_2020", "ipad_pro_12_9_2020")) {
      assertEquals("a12z", KB.socOf(KB.entity(device)).id(), device);
    }
    assertEquals(7, KB.socs().get("a12x").gpu().cores().value());
    assertEquals(8, KB.socs().get("a12z").gpu().cores().value());
    assertEquals(
        2 * a12.bandwidth().value().value(),
        KB.socs().get("a12z").bandwidth().value().value(),
        0.2e9);
    assertEquals(
        a12.ane().peakFp16().value().value(),
        KB.socs().get("a12x").ane().peakFp16().value().value());
  }

  @Test
  void gpuNeuralAcceleratorsAreAMatrixThroughput() {
    // Apple's "over 4x the peak GPU compute for AI" compares the M5 generation with the M4's GPU;
    // the A19s, with no figure of their own, take that ratio over their own GPU
    Map<String, String> over =
        Map.of(
            "a19", "a19", "a19_pro", "a19_pro", "m5", "m4", "m5_pro", "m4_pro", "m5_max", "m4_max");
    over.forEach(
        (id, previous) -> {
          UnitSpec gpu = KB.socs().get(id).gpu();
          assertTrue(gpu.peakMatrix().present(), id);
          double before = KB.socs().get(previous).gpu().peakFp16().value().value();
          assertEquals(4.0, gpu.peakMatrix().value().value() / before, 0.05, id);
        });
    assertFalse(KB.socs().get("m4").gpu().peakMatrix().present(), "no accelerators before A19/M5");
    Soc bin = KB.socs().get("a19").variants().get(0);
    assertEquals(
        KB.socs().get("a19").gpu().peakMatrix().value().value() * 4 / 5,
        bin.gpu().peakMatrix().value().value(),
        1e6,
        "the matrix rate scales with the binned GPU cores");
  }

  /**
   * Every device that ships a binned part (fewer cores, or slower ones) gets that part's numbers,
   * not the full part's.
   */
  @Test
  void devicesWhoseVariantDiffersFromTheFullPart() {
    int binned = 0;
    for (Device d : KB.devices().values()) {
      if (d.socVariant().isEmpty()) {
        continue;
      }
      binned++;
      Soc full = KB.socs().get(d.soc());
      Soc shipped = KB.socOf(d);
      assertFalse(shipped.variant().isEmpty(), d.id() + " ships " + shipped.label());
      boolean fewerGpu = shipped.gpu().cores().value() < full.gpu().cores().value();
      boolean fewerCpu = shipped.cpu().cores().value() < full.cpu().cores().value();
      boolean slowerClock =
          shipped.cpu().clock().value().value() < full.cpu().clock().value().value();
      assertTrue(fewerGpu || fewerCpu || slowerClock, d.id());
      double ratio = (double) shipped.gpu().cores().value() / full.gpu().cores().value();
      assertEquals(
          full.gpu().peakFp16().value().value() * ratio,
          shipped.gpu().peakFp16().value().value(),
          1e6,
          d.id() + " GPU peak scales with its cores");
    }
    assertTrue(binned >= 20, "devices shipping a binned part: " + binned);
    assertEquals(5, KB.socOf(KB.devices().get("iphone_air")).gpu().cores().value());
    assertEquals(4, KB.socOf(KB.devices().get("iphone_17e")).gpu().cores().value());
    assertEquals(60, KB.socOf(KB.devices().get("mac_studio_m3_ultra")).gpu().cores().value());
    assertEquals(9, KB.socOf(KB.devices().get("ipad_pro_m5")).cpu().cores().value());
  }

  @Test
  void devicesCoverTheLineup() {
    assertEquals(116, KB.devices().size());
    for (String id :
        List.of(
            "iphone_17e",
            "ipad_pro_m5",
            "ipad_pro_13_m5",
            "ipad_pro_12_9_m2",
            "ipad_air_13_m4",
            "macbook_pro_14_m5",
            "macbook_pro_16_m5_max",
            "mac_studio_m3_ultra")) {
      assertTrue(KB.devices().containsKey(id), id);
    }
    // 12.9/13-inch iPads carry their own, larger batteries.
    assertEquals(
        40.88, KB.devices().get("ipad_pro_12_9_m1").batteryWh().value().value() / 3600, 1e-6);
    assertEquals(28.65, KB.devices().get("ipad_pro_m1").batteryWh().value().value() / 3600, 1e-6);
    assertTrue(KB.devices().get("ipad_air_m4").batteryWh().present(), "iPad Air M4 has a battery");
    assertTrue(
        KB.devices().get("iphone_17_pro").facts().stream()
            .anyMatch(
                f -> f.path().equals("battery_mah") && f.provenance().note().contains("eSIM")),
        "the 17 Pro battery says which cell it is");
  }

  /**
   * The limit with the increased-memory-limit entitlement is given for every RAM class where a
   * device of it was measured (iPhones of 6 GB and more, iPads of 8 GB and more), so two phones of
   * one class never disagree on whether a model fits; elsewhere only a device's own report gives
   * one (the 4 GB iPhone 12 and 12 mini); it is never above the device's RAM nor below its default
   * limit.
   */
  @Test
  void theEntitledLimitIsGivenForEveryMeasuredRamClass() {
    for (Device d : KB.devices().values()) {
      double ram = d.ram().value().value();
      boolean measuredClass =
          (d.formFactor() == FormFactor.PHONE && ram >= 6e9)
              || (d.formFactor() == FormFactor.TABLET && ram >= 8e9);
      Sourced<?> given = d.appMemoryLimitEntitled();
      if (measuredClass) {
        assertTrue(given.present(), d.id() + " has its class's limit");
      } else {
        // outside those classes only a device's own report gives one, never an estimate
        assertFalse(
            given.present() && given.provenance().confidence() == Confidence.ESTIMATE, d.id());
      }
      if (given.present()) {
        double entitled = d.appMemoryLimitEntitled().value().value();
        assertTrue(entitled <= ram, d.id() + " above its RAM");
        assertTrue(entitled >= d.appMemoryLimit().value().value(), d.id() + " below its default");
      }
    }
  }

  @Test
  void theIphoneAirHasItsOwnThermalCurve() {
    double air =
        KB.socOf(KB.devices().get("iphone_air")).thermal().get(FormFactor.PHONE).sustained();
    double pro =
        KB.socOf(KB.devices().get("iphone_17_pro")).thermal().get(FormFactor.PHONE).sustained();
    assertEquals(0.62, air, 1e-9, "no vapor chamber: assumed like the A18 Pro iPhones");
    assertEquals(0.75, pro, 1e-9);
    assertEquals(
        Confidence.ESTIMATE,
        KB.socOf(KB.devices().get("iphone_air"))
            .thermal()
            .get(FormFactor.PHONE)
            .provenance()
            .confidence());
  }

  @Test
  void devicesAreListedInNaturalOrder() {
    List<String> ids = List.copyOf(KB.devices().keySet());
    assertTrue(ids.indexOf("ipad_9") < ids.indexOf("ipad_10"), ids.toString());
    assertTrue(ids.indexOf("iphone_8") < ids.indexOf("iphone_11"), ids.toString());
    assertTrue(NaturalOrder.INSTANCE.compare("m5", "m5_max") < 0);
    assertTrue(NaturalOrder.INSTANCE.compare("a007", "a7") == 0);
  }

  @Test
  void everyMilOpOfTheIos15To18Opsets() {
    Set<String> mil = new TreeSet<>();
    KB.ops()
        .values()
        .forEach(o -> mil.addAll(o.aliasesByEcosystem().getOrDefault("coreml", List.of())));
    for (String name :
        List.of(
            "mod",
            "floor_div",
            "sign",
            "ceil",
            "fill",
            "space_to_batch",
            "crop",
            "sliding_windows",
            "reduce_l2_norm",
            "reduce_log_sum_exp",
            "constexpr_lut_to_sparse",
            "conv_quantized")) {
      assertTrue(mil.contains(name), name);
    }
    assertTrue(mil.size() >= 160, "MIL op names: " + mil.size());
    assertEquals(184, KB.ops().size());
  }

  @ParameterizedTest(name = "{0} => {1}")
  @CsvSource({
    "Upsample, upsample",
    "ai.onnx.Attention, scaled_dot_product_attention",
    "RotaryEmbedding, rotary_embedding",
    "GlobalMaxPool, reduce_max",
    "ConstantOfShape, fill",
    "QLinearConv, conv_quantized",
    "MatMulInteger, matmul",
    "torch.max, reduce_max",
    "torch.min, reduce_min",
    "torch.nn.Conv3d, conv3d",
    "torch.nn.MaxPool1d, max_pool2d",
    "torch.nn.ConvTranspose1d, conv_transpose2d",
    "torch.logsumexp, reduce_log_sum_exp",
    "torch.var, variance",
    "torch.std, variance",
    "torch.Tensor.masked_fill, where",
    "torch.roll, roll",
    "torch.repeat_interleave, repeat_interleave",
    "torch.Tensor.unfold, sliding_windows",
    "torch.nn.GLU, glu",
    "torch.nn.SELU, selu",
    "SQUARED_DIFFERENCE, squared_difference",
    "FLOOR_DIV, floor_div",
    "FLOOR_MOD, mod",
    "CONV_3D, conv3d",
    "SPACE_TO_BATCH_ND, space_to_batch"
  })
  void frameworkNamesResolveToTheirOp(String alias, String op) {
    Entity e = KB.lookup(alias);
    assertNotNull(e, alias);
    assertEquals(op, e.id());
  }

  @Test
  void reluN1To1IsNotAGeneralClip() {
    assertFalse(KB.ops().get("clip").aliases().contains("RELU_N1_TO_1"));
  }
}
