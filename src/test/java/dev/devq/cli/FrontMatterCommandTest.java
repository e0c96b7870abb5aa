package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A review document's front matter ({@code devq: {profiles: [...]}}) as {@code devq doc} and {@code
 * devq check} use it: the overlays load without {@code --profiles}, the command line's overlays
 * come last, each document gets its own, and {@code devq doc} never touches the front matter.
 */
class FrontMatterCommandTest {
  @TempDir Path dir;

  private static final String FRONT = "---\ntitle: keep me\ndevq: {profiles: [big]}\n---\n";

  private static final String CHECK =
      "\n```devq\ncheck \"laptop memory\": test_laptop.ram >= 64 GB\n```\n";

  /** An overlay folder {@code name} with one laptop of {@code ram}. */
  private void overlay(String name, String ram) throws IOException {
    Path devices = Files.createDirectories(dir.resolve(name).resolve("devices"));
    Files.writeString(
        devices.resolve("test.yaml"),
        "devices:\n"
            + "  - id: test_laptop\n"
            + "    name: Test laptop\n"
            + "    source: apple_spec_macbook_pro_16_2024\n"
            + "    confidence: vendor\n"
            + "    soc: m4_max\n"
            + "    year: 2024\n"
            + "    form_factor: laptop\n"
            + "    ram: "
            + ram
            + "\n"
            + "    app_memory_limit: "
            + ram
            + "\n"
            + "    battery_wh: 100 Wh\n");
  }

  @Test
  void plainDocLoadsTheFrontMatterOverlaysAndKeepsTheFrontMatter() throws IOException {
    overlay("big", "128 GB");
    Path doc = Files.writeString(dir.resolve("review.md"), FRONT + CHECK);
    CheckReportsTest.Run run = CheckReportsTest.devq("doc", doc.toString());
    assertEquals(0, run.code(), run.out() + run.err());
    String written = Files.readString(doc);
    assertTrue(written.startsWith(FRONT), written);
    assertTrue(written.contains("128 GB >= 64 GB"), written);
    assertEquals(0, CheckReportsTest.devq("doc", "--check", doc.toString()).code());
  }

  @Test
  void commandLineOverlaysComeAfterTheDocumentsOwn() throws IOException {
    overlay("big", "128 GB");
    overlay("small", "48 GB");
    Path doc = Files.writeString(dir.resolve("review.md"), FRONT + CHECK);
    CheckReportsTest.Run run =
        CheckReportsTest.devq(
            "check", "--profiles", dir.resolve("small").toString(), doc.toString());
    assertEquals(1, run.code(), run.out() + run.err());
    assertTrue(run.out().contains("48 GB is not >= 64 GB"), run.out());
  }

  @Test
  void eachDocumentRunsWithItsOwnProfiles() throws IOException {
    overlay("big", "128 GB");
    overlay("small", "48 GB");
    Path big = Files.writeString(dir.resolve("big.md"), FRONT + CHECK);
    Path small =
        Files.writeString(dir.resolve("small.md"), FRONT.replace("[big]", "[small]") + CHECK);
    CheckReportsTest.Run run =
        CheckReportsTest.devq("check", big.toString(), small.toString(), big.toString());
    assertEquals(1, run.code(), run.out() + run.err());
    assertEquals(2, run.out().split("128 GB >= 64 GB", -1).length - 1, run.out());
    assertEquals(1, run.out().split("48 GB is not >= 64 GB", -1).length - 1, run.out());
  }
}
