package dev.devq.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.Devq;
import dev.devq.SearchOptions;
import dev.devq.kb.Confidence;
import dev.devq.kb.Limits;
import dev.devq.kb.Provenance;
import dev.devq.kb.Support;
import dev.devq.kb.SupportStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Where an op's support starts is worded once ({@link Support#since}) and read the same in {@code
 * devq info}, the search grid and {@code support(op)}: the chip, then the release, which names its
 * platforms with a slash of its own. {@code support(op)} once joined them with a comma and the
 * other two with a slash.
 */
class SupportSinceTest {
  @TempDir Path profiles;

  @ParameterizedTest(name = "soc ''{0}'', os ''{1}''  =>  {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      a14 | iOS 17 / macOS 14 | since a14, iOS 17 / macOS 14
      a14 | ''                | since a14
      ''  | iOS 16 / macOS 13 | since iOS 16 / macOS 13
      ''  | ''                | ''
      """)
  void wordsTheFirstChipAndRelease(String soc, String os, String since) {
    var s =
        new Support(
            SupportStatus.YES,
            soc,
            os,
            Limits.NONE,
            List.of(),
            new Provenance("ane_guide", Confidence.REPORTED, ""));
    assertEquals(since, s.since());
  }

  @Test
  void infoSearchAndSupportSayTheSame() throws Exception {
    Files.createDirectories(profiles.resolve("ops"));
    Files.writeString(
        profiles.resolve("ops/gate.yaml"),
        """
        ops:
        - id: test_gate
          name: Test gate
          category: activation
          op_class: elementwise
          description: A gate that runs on the Neural Engine from one chip and release on.
          source: ml_ane_transformers
          confidence: vendor
          aliases:
            other: [testgate]
          support:
            ane:
              status: 'yes'
              since: {soc: a14, os: iOS 17 / macOS 14}
              source: ml_ane_transformers
              confidence: reported
        """);
    Devq devq = Devq.load(List.of(profiles));
    String since = "since a14, iOS 17 / macOS 14";
    String info = devq.info("test_gate").text();
    assertTrue(info.contains("Neural Engine yes, " + since + "   ("), info);
    String grid = devq.search("testgate", new SearchOptions(null, null, null, 1)).text();
    assertTrue(grid.contains("Neural Engine: " + since + "\n"), grid);
    String table = devq.eval("support(test_gate)").outcomes().get(0).text(false);
    assertTrue(table.contains("ane  yes " + since + "  ["), table);
  }
}
