package dev.devq.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.devq.DevqAssertions;
import dev.devq.kb.Device;
import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.OsVersion;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import dev.devq.model.Model;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A release with a Neural Engine dispatch of its own ({@code os16.ane_dispatch}) charges it per
 * engine segment, whether the conditions name the release or the measurement was made there, and a
 * CPU-only prediction never pays it; a prediction that names no release on a device that shipped
 * with iOS 16 or earlier reaches that far at the top of its range, one on a newer device or a Mac
 * does not.
 */
class OlderReleaseCostTest {
  private static final double TODAY = 10e-6;
  private static final double IOS_16 = 300e-6;
  private static final CostModel COST =
      DevqAssertions.engine()
          .costModel()
          .with(Map.of("ane_dispatch", TODAY, "os16.ane_dispatch", IOS_16));

  private static Prediction predict(String deviceId, String os, String measuredOn) {
    return predict(deviceId, os, measuredOn, UnitSet.ALL);
  }

  private static Prediction predict(String deviceId, String os, String measuredOn, UnitSet units) {
    return predict(COST, deviceId, os, measuredOn, units);
  }

  private static Prediction predict(
      CostModel cost, String deviceId, String os, String measuredOn, UnitSet units) {
    var engine = DevqAssertions.engine();
    KnowledgeBase kb = engine.kb();
    Model model =
        engine.model(
            kb.models().get("mobilenet_v2"), Map.of(), new SourceText("<t>", ""), Span.at(0));
    Device device = kb.devices().get(deviceId);
    Target target;
    if (device != null) {
      target = new Target(deviceId, kb.socOf(device), device);
    } else {
      // a chip stands for its typical device
      var soc = kb.socs().get(deviceId);
      target = new Target(deviceId, soc, kb.deviceOf(soc));
    }
    var d = Conditions.DEFAULT;
    var conditions =
        new Conditions(
            d.thermal(),
            units,
            1,
            d.start(),
            os == null ? null : OsVersion.parse(os),
            Runtime.COREML);
    return cost.estimate(
        model, target, conditions, measuredOn == null ? null : OsVersion.parse(measuredOn));
  }

  @Test
  void iOS16ChargesItsOwnDispatchPerEngineSegmentNamedOrMeasured() {
    Prediction today = predict("iphone_12", "iOS 17", null);
    double named = predict("iphone_12", "iOS 16", null).warmLatency();
    double measured = predict("iphone_12", null, "iOS 16").warmLatency();
    assertEquals(1, today.segments().size(), "MobileNetV2 is one engine segment");
    assertEquals(IOS_16 - TODAY, named - today.warmLatency(), 1e-12);
    assertEquals(named, measured, 1e-15);
    // a release after the last one with a figure of its own pays today's
    assertEquals(today.warmLatency(), predict("iphone_12", "iOS 18", null).warmLatency(), 1e-15);
    // off the engine nothing changes
    assertEquals(
        predict("iphone_12", "iOS 17", null, UnitSet.CPU_ONLY).warmLatency(),
        predict("iphone_12", "iOS 16", null, UnitSet.CPU_ONLY).warmLatency(),
        1e-15);
  }

  /**
   * A row measured on iOS 17 is the model the converter built for iOS 17: its fused attention
   * lowered and its KV cache copied in and out (Core ML's states came with iOS 18), as when the
   * query names the release, not the current release's build with iOS 17's dispatch.
   */
  @Test
  void aMeasuredReleaseBuildsAndCopiesAsNamingItDoes() {
    Prediction unnamed = DevqAssertions.explained("latency(qwen3_0_6b, iphone_15_pro)");
    Prediction named =
        DevqAssertions.explained("latency(qwen3_0_6b, iphone_15_pro, os = \"iOS 17\")");
    Prediction measured =
        DevqAssertions.engine()
            .costModel()
            .estimate(
                unnamed.model(), unnamed.target(), unnamed.conditions(), new OsVersion("ios", 17));
    assertEquals(0, unnamed.cacheCopies().copies(), "today's release keeps the cache in states");
    assertEquals(29, named.cacheCopies().copies());
    assertEquals(named.cacheCopies().copies(), measured.cacheCopies().copies());
    assertEquals(1, named.lowerings().size(), "the fused attention is lowered for iOS 17");
    assertEquals(named.lowerings(), measured.lowerings());
    assertEquals(named.warmLatency(), measured.warmLatency(), named.warmLatency() * 1e-12);
  }

  /**
   * A row measured on iOS 13 is placed as under iOS 13 named: which units may run each layer
   * follows the release it ran on (the tested range of a refusal, an op's first release), not the
   * newest one, so build, placement and dispatch are all of one release.
   */
  @Test
  void aMeasuredReleasePlacesAsNamingItDoes() {
    String query = "latency(precision(vgg11, fp32), iphone_11_pro, nominal, units = all";
    Prediction unnamed = DevqAssertions.explained(query + ")");
    Prediction named = DevqAssertions.explained(query + ", os = \"iOS 13\")");
    Prediction measured =
        DevqAssertions.engine()
            .costModel()
            .estimate(
                unnamed.model(), unnamed.target(), unnamed.conditions(), new OsVersion("ios", 13));
    assertEquals(unitsOf(named), unitsOf(measured));
    assertEquals(named.warmLatency(), measured.warmLatency(), named.warmLatency() * 1e-12);
  }

  private static java.util.List<String> unitsOf(Prediction p) {
    return p.layers().stream()
        .map(l -> l.layer().name() + " " + l.unit().key() + " " + l.reason())
        .toList();
  }

  @Test
  void coreMl3ChargesAskingForTheGpuWhicheverUnitsRunTheLayers() {
    CostModel less = COST.with(Map.of("os13.gpu_allowed", 1e-3));
    CostModel more = COST.with(Map.of("os13.gpu_allowed", 3e-3));
    for (UnitSet units : UnitSet.values()) {
      for (String os : new String[] {"iOS 13", null}) {
        double a = predict(less, "iphone_11_pro", null, os, units).warmLatency();
        double b = predict(more, "iphone_11_pro", null, os, units).warmLatency();
        boolean paid = os != null && units.allows(dev.devq.kb.ComputeUnit.GPU);
        assertEquals(paid ? 2e-3 : 0, b - a, 1e-12, units + " on iOS " + os);
      }
    }
  }

  /**
   * The iPhone X stopped at iOS 16 and its A11 has no Neural Engine Core ML runs, so what shows its
   * release is a cost off the engine: a figure for iOS 16's GPU, which it pays unasked and an
   * iPhone 12, on today's release, does not.
   */
  @Test
  void aDeviceThatStoppedAtIos16IsPredictedOnIt() {
    CostModel less = COST.with(Map.of("os16.gpu_allowed", 1e-3));
    CostModel more = COST.with(Map.of("os16.gpu_allowed", 3e-3));
    for (String device : new String[] {"iphone_x", "iphone_12"}) {
      double a = predict(less, device, null, null, UnitSet.CPU_AND_GPU).warmLatency();
      double b = predict(more, device, null, null, UnitSet.CPU_AND_GPU).warmLatency();
      assertEquals(device.equals("iphone_x") ? 2e-3 : 0, b - a, 1e-12, device);
    }
  }

  /**
   * A Mac's release pays the per-release constants of the iOS of its year, whose Core ML it ships,
   * named or measured: macOS 13 is iOS 16's, so it pays {@code os16.ane_dispatch}; macOS 14 is iOS
   * 17's, today's. A row measured on macOS was once predicted for the newest release.
   */
  @Test
  void aMacReleasePaysTheFiguresOfItsIosCounterpart() {
    double today = predict("m1", "macOS 14", null).warmLatency();
    double named = predict("m1", "macOS 13", null).warmLatency();
    assertEquals(IOS_16 - TODAY, named - today, 1e-12);
    assertEquals(named, predict("m1", null, "macOS 13").warmLatency(), 1e-15);
    assertEquals(today, predict("m1", null, "macOS 14").warmLatency(), 1e-15);
    assertEquals(named, predict("m1", null, "macOS 11").warmLatency(), 1e-15);
  }

  @Test
  void iOS14And15TakeTheFigureOfTheNextReleaseMeasured() {
    double ios16 = predict("iphone_12", "iOS 16", null).warmLatency();
    assertEquals(ios16, predict("iphone_12", "iOS 15", null).warmLatency(), 1e-15);
    assertEquals(ios16, predict("iphone_12", "iOS 14", null).warmLatency(), 1e-15);
  }

  @ParameterizedTest(name = "{0}, os {1}: range reaches iOS 16 {2}")
  @CsvSource(
      nullValues = "-",
      value = {
        "iphone_12, -, true", // shipped with iOS 14
        "iphone_12, iOS 17, false", // a release named
        "iphone_15_pro, -, false", // shipped with iOS 17
        "macbook_pro_14_m3_max, -, false", // a Mac
        "m1, -, false", // a chip with iPads, standing for its typical device, a Mac
        "m1, macOS 14, false", // a release named, of another platform
      })
  void anUnnamedReleaseWidensTheTopOfTheRange(String device, String os, boolean widened) {
    Prediction p = predict(device, os, null);
    double p90 = COST.coefficients().get("range.all.p90");
    double expected = widened ? p90 * (p.warmLatency() + IOS_16 - TODAY) / p.warmLatency() : p90;
    assertEquals(1, p.segments().size());
    assertEquals(expected, p.rangeHigh(), 1e-12);
    assertEquals(COST.coefficients().get("range.all.p10"), p.rangeLow(), 1e-12);
    // the prediction says which release its range's top allows for, so readers can say why
    assertEquals(
        widened ? java.util.Optional.of(OsVersion.parse("iOS 16")) : java.util.Optional.empty(),
        p.rangeAllowsFor());
  }
}
