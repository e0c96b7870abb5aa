package dev.devq.cost;

import static dev.devq.DevqAssertions.explained;
import static dev.devq.DevqAssertions.kb;
import static dev.devq.DevqAssertions.quantity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.calibrate.Quantiles;
import dev.devq.kb.Device;
import dev.devq.query.eval.Value;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A cold load reads the weights at the device's own measured flash read where its profile has one,
 * and at the generic {@code storage_read_bandwidth}, with the measured devices' spread as its
 * range, where it has none; explain says which and from where.
 */
class StorageReadTest {
  private static final String MODEL = "llama_3_8b";

  private static Load load(String device, String start) {
    return explained("load_time(" + MODEL + ", " + device + ", start = " + start + ")").load();
  }

  @ParameterizedTest(name = "{0}  =>  {1} GB/s")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      macbook_pro_13_m1     | 2.9    | notebookcheck_m2_mbp13_ssd
      macbook_pro_13_m2     | 1.446  | notebookcheck_m2_mbp13_ssd
      macbook_pro_14_m4     | 2.031  | tomshardware_m5_mbp_ssd
      macbook_pro_14_m5     | 6.323  | tomshardware_m5_mbp_ssd
      macbook_pro_16_m4_max | 7.31   | verge_m5_max_ssd
      macbook_pro_16_m5_max | 13.6   | verge_m5_max_ssd
      iphone_15_pro_max     | 1.45   | phonearena_15_pro_max_storage
      mac_studio_m4_max     | 1.5    | devq_rules_of_thumb
      iphone_15_pro         | 1.5    | devq_rules_of_thumb
      ipad_pro_m4           | 1.5    | devq_rules_of_thumb
      """)
  void readsAtTheDevicesOwnSpeedOrTheGenericOne(String device, double gbPerSecond, String source) {
    Load cold = load(device, "cold");
    assertEquals(gbPerSecond * 1e9, cold.storage().bytesPerSecond(), 1e-6 * gbPerSecond * 1e9);
    assertEquals(source, cold.storage().source());
    double weights = quantity("size(" + MODEL + ")").value();
    assertEquals(weights / cold.storage().bytesPerSecond(), cold.read(), 1e-9 * cold.read());
    assertEquals(source.equals("devq_rules_of_thumb"), cold.storage().generic());
  }

  @Test
  void aGenericReadSaysSoAndCarriesTheMeasuredSpread() {
    Load cold = load("mac_studio_m4_max", "cold");
    assertTrue(
        cold.storage()
            .describe()
            .startsWith(
                "storage read 1.5 GB/s (no source for this device's flash; generic estimate"),
        cold.storage().describe());
    assertTrue(cold.hasRange());
    assertTrue(cold.low() < cold.time() && cold.time() < cold.high());
    // the read at the spread's ends, the setup as it is
    assertEquals(cold.time() - cold.read() + cold.readLow(), cold.low(), 1e-9);
    var shown =
        (Value.QuantityV)
            DevqAssertions.eval("load_time(" + MODEL + ", mac_studio_m4_max, start = cold)");
    assertEquals(cold.low(), shown.low().value(), 1e-9 * cold.low());
    assertEquals(cold.high(), shown.high().value(), 1e-9 * cold.high());
  }

  @Test
  void aMeasuredReadNamesItsUnitAndSourceAndHasNoRange() {
    Load cold = load("macbook_pro_14_m4", "cold");
    assertEquals(
        "storage read 2.03 GB/s (of a 512 GB unit: tomshardware_m5_mbp_ssd, reported)",
        cold.storage().describe());
    assertFalse(cold.hasRange());
  }

  @Test
  void aMacWithAFasterSsdLoadsFasterThanWithTheGenericFigure() {
    // the same chip and model: only the storage read differs
    Load measured = load("macbook_pro_16_m4_max", "cold");
    Load generic = load("mac_studio_m4_max", "cold");
    assertTrue(measured.time() < generic.time(), measured.time() + " vs " + generic.time());
    assertEquals(
        generic.read() * 1.5 / 7.31,
        measured.read(),
        1e-9 * measured.read(),
        "the read scales with the speed");
    assertEquals(generic.time() - generic.read(), measured.time() - measured.read(), 1e-9);
  }

  @Test
  void theGenericRangeIsTheSpreadOfTheMeasuredDevices() {
    double[] reads =
        kb().devices().values().stream()
            .map(Device::storageRead)
            .filter(r -> r.present())
            .mapToDouble(r -> r.value().value())
            .sorted()
            .toArray();
    assertTrue(reads.length >= 5, "measured devices: " + reads.length);
    double[][] weighted =
        Arrays.stream(reads).mapToObj(r -> new double[] {r, 1}).toArray(double[][]::new);
    var k = new CostModel(kb()).coefficients();
    double p10 = Quantiles.weighted(weighted, 0.10);
    double p90 = Quantiles.weighted(weighted, 0.90);
    assertEquals(p10, k.get("storage_read_range_p10"), 1e-3 * p10);
    assertEquals(p90, k.get("storage_read_range_p90"), 1e-3 * p90);
  }
}
