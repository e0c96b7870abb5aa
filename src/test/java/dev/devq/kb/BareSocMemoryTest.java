package dev.devq.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A bare SoC id is the full part, but it has no RAM of its own: where its bins ship with different
 * least memory (a Max chip's), the memory figures it reads come from a device its profile names,
 * with a source, never from whichever device stands for it in estimates.
 */
class BareSocMemoryTest {
  private static final Path PROFILES = DevqAssertions.projectDir().resolve("profiles");

  private static KnowledgeBase load(List<Path> roots) {
    ProfileLoader.Result r = ProfileLoader.load(roots);
    assertTrue(r.ok(), () -> "profiles should load: " + r.diagnostics());
    return r.knowledgeBase();
  }

  @ParameterizedTest(name = "{0} reads {1}")
  @CsvSource({
    "m3_max, macbook_pro_16_m3_max",
    "m4_max, macbook_pro_16_m4_max",
    "m5_max, macbook_pro_16_m5_max"
  })
  void aMaxChipWhoseBinsStartAtDifferentMemoryNamesTheDeviceItReads(String soc, String device) {
    KnowledgeBase kb = load(List.of(PROFILES));
    Soc s = kb.socs().get(soc);
    assertTrue(s.memoryDevice().present(), soc + " names no memory_device");
    assertFalse(
        s.memoryDevice().provenance().source().isEmpty(), soc + ": memory_device unsourced");
    assertEquals(device, s.memoryFiguresOf());
    Device d = kb.devices().get(device);
    assertEquals(soc, d.soc());
    assertFalse(d.socVariant().isEmpty(), device + " should ship the lower bin, as the note says");
  }

  @Test
  void theNamedDeviceIsReadEvenWhereAnotherStandsForTheIdInEstimates(@TempDir Path overlay)
      throws IOException {
    writeM4Max(overlay, "macbook_pro_16_m4_max", "mac_studio_m4_max");
    Soc s = load(List.of(PROFILES, overlay)).socs().get("m4_max");
    assertEquals("mac_studio_m4_max", s.memoryFiguresOf());
    assertEquals("macbook_pro_16_m4_max", s.typicalDevice());
  }

  @Test
  void aMemoryDeviceOfAnotherChipIsAnErrorAtTheValue(@TempDir Path overlay) throws IOException {
    writeM4Max(overlay, "macbook_pro_16_m4_max", "macbook_pro_16_m3_max");
    ProfileLoader.Result r = ProfileLoader.load(List.of(PROFILES, overlay));
    assertFalse(r.ok());
    String messages = r.diagnostics().toString();
    assertTrue(
        messages.contains(
            "SoC 'm4_max' reads its memory figures from 'macbook_pro_16_m3_max', a device of"
                + " m3_max"),
        messages);
  }

  /** An overlay of m4_max.yaml whose memory_device names {@code to} instead of {@code from}. */
  private static void writeM4Max(Path overlay, String from, String to) throws IOException {
    String shipped = Files.readString(PROFILES.resolve("socs/m4_max.yaml"));
    String memoryDevice = "memory_device: {value: " + from;
    assertTrue(shipped.contains(memoryDevice), "m4_max.yaml names " + from);
    Files.createDirectories(overlay.resolve("socs"));
    Files.writeString(
        overlay.resolve("socs/m4_max.yaml"),
        shipped.replace(memoryDevice, "memory_device: {value: " + to));
  }
}
