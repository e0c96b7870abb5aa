package dev.devq.query.eval;

import static dev.devq.DevqAssertions.assertFails;
import static dev.devq.DevqAssertions.bool;
import static dev.devq.DevqAssertions.eval;
import static dev.devq.DevqAssertions.quantity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.lang.DiagnosticCode;
import org.junit.jupiter.api.Test;

/**
 * The OS release is a typed condition of estimate functions and of {@code supported()}, passed to
 * the one support rule: an op whose support starts with iOS 18 / macOS 15 is not available before
 * (a model's fused attention is then lowered, as the converter does).
 */
class OsConditionTest {
  private static final String SDPA = "scaled_dot_product_attention";

  @Test
  void supportedFollowsTheRelease() {
    assertTrue(bool("supported(" + SDPA + ", a17_pro, gpu)"), "newest by default");
    assertTrue(bool("supported(" + SDPA + ", a17_pro, gpu, os = newest)"));
    assertTrue(bool("supported(" + SDPA + ", a17_pro, gpu, os = ios18)"));
    assertFalse(bool("supported(" + SDPA + ", a17_pro, gpu, os = \"iOS 17\")"));
  }

  @Test
  void placementFollowsTheRelease() {
    // the M3: its Macs shipped with macOS 14, so the release is the op's to decide, not the chip's
    String at = "latency(llama_3_1_8b, m3, units = cpu_and_gpu";
    assertEquals(quantity(at + ")").value(), quantity(at + ", os = \"macOS 15\")").value());
    // before macOS 15 the converter lowers the fused attention op, whose layers cost otherwise
    // (FusedAttentionLoweringTest); a fused layer no converter lowers is refused there
    assertNotEquals(quantity(at + ")").value(), quantity(at + ", os = \"macOS 14\")").value());
  }

  /** The kb's devices decide the platforms a chip runs: A-series chips are in no Mac but one. */
  @Test
  void aChipRunsOnlyThePlatformsOfItsDevices() {
    assertFalse(bool("supported(conv2d, a16, cpu, os = \"macOS 15\")"));
    assertTrue(bool("supported(conv2d, a18_pro, cpu, os = \"macOS 26\")"), "the MacBook Neo");
    assertFalse(bool("supported(conv2d, a18_pro, cpu, os = \"macOS 15\")"), "it came with 26");
    assertTrue(bool("supported(conv2d, m1, cpu, os = \"iPadOS 18\")"), "M1 iPads");
    assertFalse(bool("supported(conv2d, m1_pro, cpu, os = \"iOS 18\")"), "only in Macs");
    // a release no device with the chip runs: the estimate cannot run, in the rule's words
    var never = (Value.CannotRunV) eval("latency(mobilenet_v2, m1_pro, os = \"iOS 18\")");
    assertEquals("no device with the M1 Pro runs iOS or iPadOS", never.why().reason());
  }

  /** A release after the chip's last one names that last release. */
  @Test
  void aReleaseAfterTheLastOneNamesTheLast() {
    var never = (Value.CannotRunV) eval("latency(mobilenet_v2, a11, os = \"iOS 18\")");
    assertEquals(
        "no iPhone with the A11 Bionic runs iOS 18; their last is iOS 16", never.why().reason());
  }

  @Test
  void aReleaseIsCheckedAtItsSpan() {
    String text =
        assertFails("latency(mobilenet_v2, a16, os = \"Android 5\")", DiagnosticCode.UNKNOWN_NAME);
    assertTrue(text.contains("unknown OS release 'Android 5'"), text);
    assertFails("latency(mobilenet_v2, a16, os = 17 ms)", DiagnosticCode.TYPE_MISMATCH);
  }
}
