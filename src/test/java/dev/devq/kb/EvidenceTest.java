package dev.devq.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.lang.Diagnostic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
    assertTrue(
        measured > 0, "some claims do rest on measurements (macOS-memory-benchmark, papers)");
  }

  @Test
  void everySourceSaysWhatKindOfEvidenceItIs() {
    assertEquals(Evidence.REVERSE_ENGINEERING, KB.sources().get("ane_guide").evidence());
    assertEquals(Evidence.COMMUNITY, KB.sources().get("hollance_unsupported").evidence());
    assertEquals(Evidence.VENDOR, KB.sources().get("coremltools_mil_ops").evidence());
    // its overview table lists clocks and cache sizes and computes peaks: a report, not a
    // measurement of those figures
    assertEquals(Evidence.REPORT, KB.sources().get("metal_benchmarks").evidence());
    assertEquals(Evidence.MEASUREMENT, KB.sources().get("macos_memory_benchmark").evidence());
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

  /**
   * A Neural Engine claim that reaches the A12 or A13 cites a source of their time: one whose
   * tested range names an A12-family chip or the A13, or Hollemans's list of 2020 (written while
   * those were the Neural Engines Core ML used, revised after, so it carries no range). Apple's
   * transformer reference, its Stable Diffusion and the reverse-engineering guide start with the
   * A14 and M1, so an op that rests on them alone is unknown before the A14. Exempt: dropout, which
   * the converter removes, and the compression ops, whose claims Apple makes per OS release, not
   * per chip.
   */
  @Test
  void neuralEngineClaimsOnTheA12AndA13CiteASourceOfTheirTime() {
    Set<String> ofTheirTime = Set.of("a12", "a12x", "a12z", "a13");
    List<String> uncited = new ArrayList<>();
    int cited = 0;
    for (Op op : KB.ops().values()) {
      boolean reaches =
          Set.of("a12", "a13").stream()
              .anyMatch(
                  soc ->
                      SupportRule.verdict(KB, op, KB.socs().get(soc), ComputeUnit.ANE, null)
                          .known());
      if (!reaches || op.id().equals("dropout") || op.category().equals("quantization")) {
        continue;
      }
      boolean ofThen =
          op.supportOn(ComputeUnit.ANE).notes().stream()
              .map(n -> KB.sources().get(n.source()))
              .anyMatch(
                  s ->
                      s.id().equals("hollance_unsupported")
                          || s.tested().socs().stream().anyMatch(ofTheirTime::contains));
      if (ofThen) {
        cited++;
      } else {
        uncited.add(op.id());
      }
    }
    assertEquals(List.of(), uncited, "A12/A13 Neural Engine claims without a source of that time");
    assertTrue(cited >= 15, "conv2d, linear, relu, concat, pooling … keep theirs: " + cited);
  }

  /**
   * A community list (iosref), or a benchmark repository's overview table whose figures it did not
   * measure (metal_benchmarks: clocks and cache sizes listed, peaks computed), cannot back a
   * measured claim.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "measured-from-report,          iosref,           test.yaml:10:18",
    "measured-from-benchmark-table, metal_benchmarks, test.yaml:11:18",
  })
  void theLoaderRefusesAMeasuredClaimFromASourceThatDidNotMeasureIt(
      String overlay, String source, String at) {
    ProfileLoader.Result r =
        ProfileLoader.load(
            List.of(
                SHIPPED,
                DevqAssertions.projectDir().resolve("src/test/resources/loader/" + overlay)));
    assertFalse(r.ok());
    Diagnostic d = r.diagnostics().get(0);
    assertTrue(
        d.message().contains("'confidence: measured' but its source '" + source + "'"),
        d.message());
    assertTrue(d.position().endsWith(at), d.position());
  }
}
