package dev.devq.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A row's release is read in every form the measurement files write it (iOS with a minor version,
 * iPadOS, macOS), and a form that cannot be read is refused at its cell, not taken for the newest
 * release: only "iOS N" was read once, so an iPadOS or macOS row was predicted for today's.
 */
class MeasuredReleaseTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      coreml-performance app, iOS 13.5, integer ms | iOS 13
      iOS 17; Float16                              | iOS 17
      iPadOS 17                                    | iOS 17
      iOS 17.4                                     | iOS 17
      iOS 17.4.1                                   | iOS 17
      macOS 14.5, M2 Max                           | macOS 14
      measured on iOS 18.                          | iOS 18
      iOS 16 and again on iOS 16.1                 | iOS 16
      asks for iOS 15 or later                     | none
      decode step                                  | none
      """)
  void readsEveryFormOfRelease(String notes, String expected) {
    var reading = MeasuredRelease.read(Map.of("notes", notes));
    assertEquals("", reading.problem());
    assertEquals(expected, reading.release() == null ? "none" : reading.release().toString());
  }

  @ParameterizedTest(name = "{0}  =>  refused")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      iOS 17.4.1.2    | iOS 17.4.1.2 | expected a release
      iOS 17b         | iOS 17b      | expected a release
      on watchOS 10   | watchOS 10   | devq predicts for iOS, iPadOS and macOS
      iOS 16, iOS 17  | iOS 17       | names two releases, iOS 16 and iOS 17
      """)
  void refusesWhatItCannotRead(String notes, String where, String message) {
    var reading = MeasuredRelease.read(Map.of("notes", notes));
    assertTrue(reading.problem().contains(message), reading.problem());
    assertEquals("notes", reading.column());
    assertEquals(where, notes.substring(reading.from(), reading.to()));
  }

  @Test
  void aRefusedReleaseIsAnErrorAtItsCell() throws IOException {
    Path csv = dir.resolve("m.csv");
    Files.writeString(
        csv,
        "expr,measured_ms,notes\n"
            + "\"latency(mobilenet_v2, a16)\",1,on watchOS 10\n"
            + "\"latency(mobilenet_v2, ipad_air_5)\",1,iPadOS 17\n",
        StandardCharsets.UTF_8);
    Measurements m = Measurements.read(csv);
    assertEquals(
        List.of(csv + ":2:35 devq predicts for iOS, iPadOS and macOS releases, found 'watchOS 10'"),
        m.diagnostics().stream().map(d -> d.position() + " " + d.message()).toList());
    assertEquals(1, m.rows().size());
    assertEquals("iOS 17", m.rows().get(0).measuredOn().toString());
  }
}
