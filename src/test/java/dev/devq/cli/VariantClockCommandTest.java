package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A binned part's own P-core clock on the command line: {@code devq info} shows it with its source
 * for the part and for the device that ships it, and a clock off by a unit prefix, in a SoC's
 * variant or in a device's selection, is an error at the value with exit 2.
 */
class VariantClockCommandTest {
  private static final String WRONG_CLOCK =
      "'p_core_clock' is 0.00293 GHz: a phone or Mac CPU's performance cores clock between 0.5 and"
          + " 10 GHz";

  @TempDir Path dir;

  private static CheckReportsTest.Run devq(String... args) {
    return CheckReportsTest.devq(args);
  }

  @ParameterizedTest(name = "devq info {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      ipad_mini_6                  | variant.p_core_clock  2.93       GHz   reported    ipad_mini_6_geekbench
      a15(p_core_clock = 2.93 GHz) | a15(p_core_clock = 2.93 GHz) (this part)  5          6          2.93 GHz
      a15(p_core_clock = 2.93 GHz) | cpu.p_core_clock                  2.93                         GHz     reported    ipad_mini_6_geekbench
      ipad_pro_m5                  | variant.p_core_clock       4.43       GHz   reported    m5_geekbench_clocks
      m5(cpu_cores = 9)            | m5(cpu_cores = 9, p_core_clock = 4.43 GHz) — M5 (soc)
      m5                           | m5 (full)                                   10         10         4.608 GHz
      """)
  void infoShowsThePartsClockWithItsSource(String target, String line) {
    CheckReportsTest.Run run = devq("info", target);
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains(line + "\n") || run.out().contains(line + " "), run.out());
  }

  @Test
  void infoAsJsonGivesTheDevicesClockAndItsSource() {
    CheckReportsTest.Run run = devq("info", "--format", "json", "ipad_mini_6");
    assertEquals(0, run.code(), run.err());
    String compact = run.out().replaceAll("\\s+", "");
    assertTrue(
        compact.contains(
            "{\"path\":\"variant.p_core_clock\",\"value\":2930000000,\"unit\":\"Hz\","
                + "\"text\":\"2.93GHz\",\"confidence\":\"reported\","
                + "\"source\":\"ipad_mini_6_geekbench\"}"),
        run.out());
  }

  @Test
  void aClockOffByAPrefixInASocsVariantIsAPositionedError() throws IOException {
    Path shipped = DevqAssertions.projectDir().resolve("profiles/socs/a15.yaml");
    String text = Files.readString(shipped, StandardCharsets.UTF_8);
    String from = "  - p_core_clock: 2.93 GHz\n";
    assertTrue(text.contains(from), "a15's clock variant");
    Path file = dir.resolve("profiles/socs/a15.yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, text.replace(from, "  - p_core_clock: 2.93 MHz\n"));
    long line = text.substring(0, text.indexOf(from)).lines().count() + 1;
    CheckReportsTest.Run run =
        devq("--profiles", dir.resolve("profiles").toString(), "info", "a15");
    assertEquals(2, run.code(), run.err());
    assertTrue(run.err().contains(WRONG_CLOCK), run.err());
    assertTrue(run.err().contains("socs/a15.yaml:" + line + ":19"), run.err());
    assertTrue(run.err().contains("check the unit"), run.err());
  }

  @Test
  void aClockOffByAPrefixInADevicesSelectionIsAPositionedError() throws IOException {
    Path file = dir.resolve("profiles/devices/d.yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, DevqAssertions.deviceOverlay("variant: {p_core_clock: 2.93 MHz}"));
    CheckReportsTest.Run run =
        devq("--profiles", dir.resolve("profiles").toString(), "info", "iphone_14_pro");
    assertEquals(2, run.code(), run.err());
    assertTrue(run.err().contains(WRONG_CLOCK), run.err());
    assertTrue(run.err().contains("devices/d.yaml:9:29"), run.err());
  }
}
