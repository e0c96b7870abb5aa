package dev.devq.query.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.lang.CharacterNames;
import dev.devq.lang.DiagnosticCode;
import org.junit.jupiter.api.Test;

/**
 * An unknown name of any length gets a headline of a line: the name is cut there, with its length,
 * while a name of ordinary length is quoted whole.
 */
class LongNameHeadlineTest {
  private static final String LONG = "a".repeat(100_000);

  private static String headline(String text) {
    return text.lines().filter(l -> l.startsWith("error[")).findFirst().orElseThrow();
  }

  @Test
  void aHugeNameIsCutInTheHeadline() {
    String h = headline(DevqAssertions.assertFails(LONG, DiagnosticCode.UNKNOWN_NAME));
    assertTrue(h.length() < 160, h);
    assertTrue(h.contains("unknown name '" + "a".repeat(60) + "… (100000 characters)'"), h);
  }

  @Test
  void aHugeNameAsAnArgumentIsCutToo() {
    String h =
        headline(DevqAssertions.assertFails("support(" + LONG + ")", DiagnosticCode.UNKNOWN_NAME));
    assertTrue(h.length() < 160, h);
  }

  @Test
  void anOrdinaryNameIsQuotedWhole() {
    String name = "resnet_fifty_with_a_rather_long_but_ordinary_name_of_sixty_c";
    assertEquals(60, name.length());
    assertEquals(name, CharacterNames.headline(name));
    String h = headline(DevqAssertions.assertFails(name, DiagnosticCode.UNKNOWN_NAME));
    assertTrue(h.contains("unknown name '" + name + "'"), h);
  }
}
