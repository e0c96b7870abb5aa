package dev.devq.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.devq.DevqAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A Core ML prediction reads the 80% range of the setting asked less a Neural Engine the chip does
 * not open to Core ML ({@link UnitSet#effective}): the A11 runs every layer of ResNet-50 on the CPU
 * whether the Neural Engine is allowed or not, and both read one range.
 */
class RangeSettingTest {
  @ParameterizedTest(name = "asked {0} on {1}  =>  {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          all         | a11 | cpu_and_gpu
          cpu_and_ne  | a11 | cpu_only
          cpu_and_gpu | a11 | cpu_and_gpu
          cpu_only    | a11 | cpu_only
          all         | a12 | all
          cpu_and_ne  | a12 | cpu_and_ne
          cpu_and_gpu | a12 | cpu_and_gpu
          cpu_only    | a12 | cpu_only
          all         | m4  | all
          """)
  void aNeuralEngineCoreMlCannotUseLeavesTheSetting(String asked, String soc, String expected) {
    assertEquals(
        expected,
        UnitSet.effective(UnitSet.parse(asked), DevqAssertions.kb().socs().get(soc)).key());
  }

  @ParameterizedTest(name = "{0} ≡ {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          latency(resnet50, iphone_x, units = cpu_and_ne) | latency(resnet50, iphone_x, units = cpu_only)
          latency(resnet50, iphone_x)                     | latency(resnet50, iphone_x, units = cpu_and_gpu)
          """)
  void settingsThatPlaceTheLayersAlikeReadOneRange(String asked, String same) {
    Prediction a = DevqAssertions.explained(asked);
    Prediction b = DevqAssertions.explained(same);
    assertEquals(b.rangeSetting(), a.rangeSetting());
    assertEquals(b.rangeLow(), a.rangeLow(), 0);
    assertEquals(b.rangeHigh(), a.rangeHigh(), 0);
  }
}
