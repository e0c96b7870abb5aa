package dev.devq.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A source points at what it is: devq's own rules and data never borrow another project's page (the
 * audit found {@code devq_rules_of_thumb}, {@code calibration_csv} and an unused paraphrase
 * pointing at coremltools and Apple pages that do not contain them).
 */
class SourceUrlTest {
  private static final KnowledgeBase KB = DevqAssertions.kb();

  @Test
  void devqsOwnSourcesPointAtDevq() {
    for (String id : new String[] {"devq_rules_of_thumb", "calibration_csv"}) {
      String url = KB.sources().get(id).url();
      assertFalse(url.startsWith("http"), id + " borrows " + url);
      assertTrue(url.contains("devq"), id + ": " + url);
    }
    assertFalse(KB.sources().containsKey("ane_alignment_paraphrase"), "no claim cites it");
  }

  /**
   * Which urls a source may have. A scheme is RFC 3986's, followed by no space: {@code http},
   * {@code https} and {@code doi} (with a DOI after it) load, any other is refused; a word and a
   * colon before a space is prose and loads, except a scheme that runs or reads something when a
   * browser opens it; text without a colon loads.
   */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
      https://www.anandtech.com/show/17024  | true
      HTTP://example.com                    | true
      doi:10.1145/3458817.3476165           | true
      DOI:10.1109/ISSCC.2014.6757323        | true
      AnandTech: M1 review                  | true
      Apple Platform Security guide, p. 4   | true
      `Note: see the printed manual`        | true
      doi:                                  | false
      doi:not-a-doi                         | false
      doi:10.1145                           | false
      ftp://example.com/a.pdf               | false
      mailto:someone@example.com            | false
      AnandTech:M1                          | false
      javascript:alert(1)                   | false
      javascript: alert(1)                  | false
      `  data: text/html,x`                 | false
      file: /etc/passwd                     | false
      """)
  void aUrlIsAWebLinkADoiOrWords(String url, boolean linkable) {
    assertEquals(linkable, SourcesReader.linkable(url), url);
  }
}
