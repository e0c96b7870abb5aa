package dev.devq.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Physically impossible values and strictness gaps of issue #13: each overlay loads with an error
 * at the file:line:col of the offending value, never silently.
 */
class ProfileSanityTest {
  private static final Path SHIPPED = DevqAssertions.projectDir().resolve("profiles");

  @ParameterizedTest(name = "a16 with {0} → {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      bandwidth: {value: 51.2 GB/s | bandwidth: {value: 0 GB/s    | 'memory.bandwidth' must be above 0 | socs/a16.yaml:31:22
      bandwidth: {value: 51.2 GB/s | bandwidth: {value: 1e400 GB/s | 'bandwidth': number too large ('1e400 GB/s' is beyond ±1.8e308 | socs/a16.yaml:31:22
      bandwidth: {value: 51.2 GB/s | bandwidth: {value: 1e-400 GB/s | 'bandwidth': number too small ('1e-400 GB/s' is closer to 0 | socs/a16.yaml:31:22
      tops_fp16: 17 TOPS           | tops_fp16: 1e-400 TOPS       | 'tops_fp16': number too small | socs/a16.yaml:13:14
      slc: {value: 24 MB           | slc: {value: 1e-400 MB       | 'slc': number too small | socs/a16.yaml:32:14
      tops_fp16: 17 TOPS           | tops_fp16: 0 TOPS            | 'ane.tops_fp16' must be above 0 | socs/a16.yaml:13:14
      tops_fp16: 17 TOPS           | tops_fp16: 1e30 TOPS         | 'ane.tops_fp16' is beyond what any device has (in base units it is 1.00e+42 | socs/a16.yaml:13:14
      bandwidth: {value: 51.2 GB/s | bandwidth: {value: 1e-30 GB/s | 'memory.bandwidth' is beyond what any device has (in base units it is 1.00e-21 | socs/a16.yaml:31:22
      tflops_fp16: {value: 1.79    | tflops_fp16: {value: 0       | 'gpu.tflops_fp16' must be above 0 | socs/a16.yaml:20:24
      tflops_fp16: {value: 1.79    | tflops_fp16: {value: -1      | 'tflops_fp16' cannot be negative      | socs/a16.yaml:20:24
      p_core_clock: {value: 3.46 GHz | p_core_clock: {value: 3.46 MHz | 'p_core_clock' is 0.00346 GHz: a phone or Mac CPU's performance cores clock between 0.5 and 10 GHz | socs/a16.yaml:25:25
      p_core_clock: {value: 3.46 GHz | p_core_clock: {value: 34.6 GHz | 'p_core_clock' is 34.6 GHz | socs/a16.yaml:25:25
      p_core_clock: {value: 3.46 GHz | clock_typo: {value: 3.46 GHz | missing required key 'p_core_clock' in 'cpu' | socs/a16.yaml:23:3
      """)
  void impossibleSocValueIsRejectedAtItsPosition(
      String from, String to, String message, String position, @TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("socs/a16.yaml");
    Files.createDirectories(file.getParent());
    String text = Files.readString(SHIPPED.resolve("socs/a16.yaml"), StandardCharsets.UTF_8);
    assertTrue(text.contains(from), from);
    Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    assertError(load(dir), message, position);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      ram: 0 GB                  | 'ram' must be above 0        | devices/d.yaml:9:10
      ram: 1e-400 GB             | 'ram': number too small      | devices/d.yaml:9:10
      battery_wh: 1e400 Wh       | 'battery_wh': number too large | devices/d.yaml:9:17
      battery_wh: 0 Wh           | 'battery_wh' must be above 0 | devices/d.yaml:9:17
      battery_mah: 0 mAh         | 'battery_mah' must be above 0 | devices/d.yaml:9:18
      storage_read: 0 GB/s       | 'storage_read' must be above 0 | devices/d.yaml:9:19
      storage_read: 2 GB/s       | 'storage_read' needs a 'storage_read_configuration' | devices/d.yaml:9:19
      storage_read_configuration: 256 GB | 'storage_read_configuration' without a 'storage_read' | devices/d.yaml:9:33
      variant: {p_core_clock: 29.3 GHz} | 'p_core_clock' is 29.3 GHz: a phone or Mac CPU's performance cores clock between 0.5 and 10 GHz | devices/d.yaml:9:29
      """)
  void impossibleDeviceValueIsRejectedAtItsPosition(
      String field, String message, String position, @TempDir Path dir) throws IOException {
    write(dir.resolve("devices/d.yaml"), DevqAssertions.deviceOverlay(field));
    assertError(load(dir), message, position);
  }

  @Test
  void zeroStorageBandwidthIsRejected(@TempDir Path dir) throws IOException {
    write(
        dir.resolve("constants.yaml"),
        """
        constants:
          - id: storage_read_bandwidth
            description: "flash reads"
            value: {value: 0 GB/s, source: devq_rules_of_thumb, confidence: vendor}
        """);
    assertError(load(dir), "'storage_read_bandwidth.value' must be above 0", "constants.yaml:4:20");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      read: 2026-13-45  | a real date (when it was read), found '2026-13-45' | sources.yaml:2:5
      read: 2026-01     | duplicate source id 'x1'                           | sources.yaml:6:5
      """)
  void sourcesNeedRealDatesAndUniqueIds(
      String read, String message, String position, @TempDir Path dir) throws IOException {
    write(
        dir.resolve("sources.yaml"),
        """
        sources:
          - id: x1
            title: A
            url: https://example.com/a
            %s
          - id: x1
            title: B
            url: https://example.com/b
            read: 2026-02
        """
            .replace("%s", read));
    assertError(load(dir), message, position);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      'input: &shape [3, 224, 224]'  | anchors and aliases are not allowed | models/m1.yaml:6:8
      'input: !shape [3, 224, 224]'  | YAML tags ('!shape') are not allowed | models/m1.yaml:6:8
      'input: [3, 224, 224]\\n---\\nid: m2' | a second YAML document | models/m1.yaml:8:1
      """)
  void yamlFeaturesProfilesNeverUseAreRejected(
      String input, String message, String position, @TempDir Path dir) throws IOException {
    write(
        dir.resolve("models/m1.yaml"),
        "id: m1\nname: M1\ntask: test\nsource: opt_paper\nconfidence: vendor\n"
            + input.replace("\\n", "\n")
            + "\nlayers: [relu]\n");
    assertError(load(dir), message, position);
  }

  @Test
  void unknownDirectoriesAndSymlinkLoopsAreReported(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("device"));
    Files.createDirectories(dir.resolve("socs"));
    Files.createSymbolicLink(dir.resolve("socs/loop.yaml"), Path.of("loop.yaml"));
    List<Diagnostic> ds = load(dir);
    assertError(ds, "unknown profile directory 'device/'", "device:1:1");
    assertError(ds, "symbolic link that leads to no file", "socs/loop.yaml:1:1");
  }

  private static List<Diagnostic> load(Path overlay) {
    ProfileLoader.Result r = ProfileLoader.load(List.of(SHIPPED, overlay));
    assertTrue(!r.ok(), "the overlay must be refused");
    return r.diagnostics();
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /** The error, once: a SoC's variants share its values, and one wrong value is one error. */
  private static void assertError(List<Diagnostic> ds, String message, String position) {
    assertEquals(
        1,
        ds.stream()
            .filter(d -> d.message().contains(message) && d.position().endsWith(position))
            .count(),
        () -> message + " at " + position + " once in:\n" + DiagnosticRenderer.render(ds));
  }
}
