package dev.devq.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.devq.DevqAssertions;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SupportRuleTest {
  @ParameterizedTest(name = "{0} on {1} {2}, {3}  =>  {4}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      dilated_conv2d  | a14  | ane | any      | no
      dilated_conv2d  | a14  | cpu | any      | yes
      layer_norm      | a13  | ane | any      | no
      layer_norm      | a14  | ane | any      | partial
      gelu            | a11  | ane | any      | no
      gelu            | a12  | ane | any      | yes
      dequantize      | a16  | ane | iOS 16   | no
      dequantize      | a16  | ane | iOS 17   | yes
      dequantize      | m2   | ane | macOS 13 | no
      dequantize      | m2   | ane | macOS 14 | yes
      read_state      | a17_pro | gpu | iOS 18 | yes
      read_state      | a17_pro | gpu | 17     | no
      scaled_dot_product_attention | a17_pro | ane | any | unknown
      """)
  void appliesGenerationAndOsRules(String op, String soc, String unit, String os, String expected) {
    KnowledgeBase kb = DevqAssertions.kb();
    SupportStatus s =
        SupportRule.status(
            kb,
            kb.ops().get(op),
            kb.socs().get(soc),
            ComputeUnit.valueOf(unit.toUpperCase(Locale.ROOT)),
            os.equals("any") ? null : OsVersion.parse(os));
    assertEquals(expected, s.key());
  }

  @ParameterizedTest(name = "{0} allows {1}: {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      iOS 17      | iOS 17 / macOS 14 | true
      iOS 16      | iOS 17 / macOS 14 | false
      iPadOS 17.4 | iOS 17 / macOS 14 | true
      macOS 13    | iOS 17 / macOS 14 | false
      macOS 15    | iOS 18 / macOS 15 | true
      16          | iOS 17            | false
      macOS 10    | iOS 17            | true
      iOS 12      | ''                | true
      """)
  void comparesReleasesOfTheSamePlatform(String release, String sinceOs, boolean expected) {
    assertEquals(expected, OsVersion.parse(release).allows(sinceOs));
  }

  @Test
  void rejectsTextThatIsNotARelease() {
    assertThrows(IllegalArgumentException.class, () -> OsVersion.parse("Android 14"));
    assertThrows(IllegalArgumentException.class, () -> OsVersion.parse("latest"));
    assertEquals("macOS 14", OsVersion.parse(" macos 14.2 ").toString());
  }
}
