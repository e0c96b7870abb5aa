package dev.devq.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.lang.Diagnostic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Confidence says what the evidence is: no claim is {@code measured} without a measurement. */
class EvidenceTest {
  private static final Path SHIPPED = DevqAssertions.projectDir().resolve("profiles");
  private static final KnowledgeBase KB = DevqAssertions.kb();

  /** Every (claim, provenance) pair of the catalog, entity facts and op support statuses alike. */
  private static List<String[]> claims() {
    List<String[]> out = new ArrayList<>();
    for (Entity e : KB.entities()) {
      for (Fact f : e.facts()) {
        Provenance p = f.provenance();
        out.add(new String[] {e.id() + "." + f.path(), p.source(), p.confidence().label()});
      }
    }
    for (Op op : KB.ops().values()) {
      op.support()
          .forEach(
              (u, s) ->
                  out.add(
                      new String[] {
                        op.id() + ".support." + u.key(),
                        s.provenance().source(),
                        s.provenance().confidence().label()
                      }));
    }
    return out;
  }

  @Test
  void noClaimIsMeasuredWithoutAMeasurementSource() {
    int measured = 0;
    for (String[] c : claims()) {
      if (c[2].equals("measured")) {
        measured++;
        Source s = KB.sources().get(c[1]);
        assertEquals(Evidence.MEASUREMENT, s.evidence(), c[0] + " is measured from " + c[1]);
      }
    }
    assertTrue(measured > 0, "some claims do rest on measurements (metal_benchmarks, Geekerwan)");
  }

  @Test
  void everySourceSaysWhatKindOfEvidenceItIs() {
    assertEquals(Evidence.REVERSE_ENGINEERING, KB.sources().get("ane_guide").evidence());
    assertEquals(Evidence.COMMUNITY, KB.sources().get("hollance_unsupported").evidence());
    assertEquals(Evidence.VENDOR, KB.sources().get("coremltools_mil_ops").evidence());
    assertEquals(Evidence.MEASUREMENT, KB.sources().get("metal_benchmarks").evidence());
  }

  @Test
  void reverseEngineeredAndCommunityClaimsAreReported() {
    long reported = 0;
    for (String[] c : claims()) {
      Evidence kind = KB.sources().get(c[1]).evidence();
      if (kind == Evidence.REVERSE_ENGINEERING || kind == Evidence.COMMUNITY) {
        assertFalse(c[2].equals("measured"), c[0] + " from " + c[1]);
        reported += c[2].equals("reported") ? 1 : 0;
      }
    }
    assertTrue(reported >= 61, "ANE statuses and limits from the guides are reported: " + reported);
  }

  @Test
  void theLoaderRefusesAMeasuredClaimFromACommunityList() {
    ProfileLoader.Result r =
        ProfileLoader.load(
            List.of(
                SHIPPED,
                DevqAssertions.projectDir()
                    .resolve("src/test/resources/loader/measured-from-report")));
    assertFalse(r.ok());
    Diagnostic d = r.diagnostics().get(0);
    assertTrue(d.message().contains("'confidence: measured' but its source 'iosref'"), d.message());
    assertTrue(d.position().endsWith("test.yaml:10:18"), d.position());
  }
}
