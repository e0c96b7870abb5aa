package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #16's review-document example, {@code queries/mac-fleet-quantization.md} (which GGUF
 * quantization of Llama 3 8B to ship to a Mac fleet under llama.cpp), is up to date and its checks
 * hold: {@code devq doc --check} passes on it, as CI runs it.
 */
class MacFleetReviewTest {
  @TempDir Path dir;

  @Test
  void macFleetReviewIsUpToDateAndItsChecksHold() throws IOException {
    Path doc = dir.resolve("mac-fleet-quantization.md");
    Files.copy(DevqAssertions.projectDir().resolve("queries/mac-fleet-quantization.md"), doc);
    var check = CheckReportsTest.devq("doc", "--check", doc.toString());
    assertEquals(
        0,
        check.code(),
        "queries/mac-fleet-quantization.md is stale or failing; run ./devq doc on it\n"
            + check.out()
            + check.err());
    assertTrue(check.out().contains("checks passed"), check.out());
  }
}
