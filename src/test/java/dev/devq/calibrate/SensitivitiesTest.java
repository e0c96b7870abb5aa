package dev.devq.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which rows a fitted constant pulls on ({@link Calibrator#sensitivities}): d log latency / d log
 * constant per row, zero for a constant the row's prediction never reads, whatever its value. The
 * shipped fit's test asks it which constants no row moves, rather than which sit at their start.
 */
class SensitivitiesTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0} ({1}): {2} moves it: {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      latency(resnet50, iphone_14_pro)                                         | Xcode      | bw_eff          | true
      latency(precision(vgg16, fp32), iphone_11_pro, units = all)              | iOS 13.5.1 | eff.ane.conv    | true
      latency(resnet50, iphone_14_pro)                                         | Xcode      | os13.ane_factor | false
      latency(resnet50, iphone_14_pro)                                         | Xcode      | overhead.cpu    | false
      latency(precision(resnet50, fp32), iphone_11_pro, units = all)           | iOS 13.5.1 | os13.ane_factor | true
      latency(precision(vgg16, fp32), iphone_11_pro, units = cpu_only)         | iOS 13.5.1 | os13.ane_factor | false
      latency(precision(vgg16, fp32), iphone_11_pro, units = cpu_only)         | iOS 13.5.1 | eff.cpu.conv    | true
      latency(precision(mobilenet_v2, fp32), iphone_11_pro, units = cpu_only)  | iOS 13.5.1 | act_bw_factor   | true
      """)
  void aConstantPullsOnlyOnRowsWhosePredictionReadsIt(
      String expr, String method, String constant, boolean moves) throws IOException {
    double ms = DevqAssertions.quantity(expr).value() * 1000;
    Path csv =
        Files.writeString(
            dir.resolve("row.csv"),
            "expr,measured_ms,method\n\"" + expr + "\"," + ms + "," + method + "\n",
            StandardCharsets.UTF_8);
    var rows = Validation.run(DevqAssertions.interpreter(), Measurements.read(csv)).results();
    double[] pull = Calibrator.sensitivities(DevqAssertions.interpreter(), rows).get(constant);
    assertEquals(1, pull.length);
    if (moves) {
      assertTrue(Math.abs(pull[0]) > 1e-3, constant + " pulls " + Arrays.toString(pull));
    } else {
      assertEquals(0, pull[0], 0, constant + " pulls " + Arrays.toString(pull));
    }
  }
}
