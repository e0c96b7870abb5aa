package dev.devq.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
      dilated_conv2d  | a14  | ane | any      | unknown
      dilated_conv2d  | a13  | ane | iOS 14   | no
      dilated_conv2d  | a13  | ane | iOS 15   | unknown
      dilated_conv2d  | a12  | ane | any      | unknown
      gather          | a12  | ane | iOS 13   | no
      gather          | a17_pro | ane | iOS 17 | unknown
      gather_nd       | m1   | ane | macOS 11 | unknown
      lstm            | a17_pro | ane | any    | unknown
      lstm            | m1   | ane | macOS 26 | no
      lstm            | m1   | ane | macOS 27 | unknown
      lstm            | m1   | ane | iPadOS 18 | unknown
      gru             | a12  | ane | iOS 13   | unknown
      scatter         | a12  | ane | any      | unknown
      scatter         | m4_max | ane | macOS 15 | no
      custom_layer    | m4   | ane | any      | no
      dilated_conv2d  | a14  | cpu | any      | yes
      layer_norm      | a13  | ane | any      | unknown
      layer_norm      | a14  | ane | any      | yes
      group_norm      | a13  | ane | any      | unknown
      group_norm      | a14  | ane | any      | yes
      embedding       | m2   | ane | any      | unknown
      scaled_dot_product_attention | a11 | gpu | iOS 18 | no
      scaled_dot_product_attention | a12 | gpu | iOS 18 | yes
      scaled_dot_product_attention | a12 | gpu | iPadOS 26 | yes
      scaled_dot_product_attention | a11 | gpu | any | no
      scaled_dot_product_attention | a11 | cpu | any | no
      scaled_dot_product_attention | a12 | gpu | any | yes
      scaled_dot_product_attention | a12 | gpu | iOS 27 | no
      conv2d          | a11  | cpu | iOS 16   | yes
      conv2d          | a11  | cpu | iOS 17   | no
      conv2d          | m1   | gpu | macOS 27 | yes
      gelu            | a11  | ane | any      | no
      gelu            | a12  | ane | any      | unknown
      gelu            | a14  | ane | any      | yes
      transpose       | a13  | ane | any      | unknown
      silu            | a13  | ane | any      | unknown
      silu            | m1   | ane | any      | yes
      dequantize      | a16  | ane | iOS 16   | no
      dequantize      | a16  | ane | iOS 17   | yes
      dequantize      | m2   | ane | macOS 13 | no
      dequantize      | m2   | ane | macOS 14 | yes
      read_state      | a17_pro | gpu | iOS 18 | yes
      read_state      | a17_pro | gpu | 17     | no
      scaled_dot_product_attention | a17_pro | ane | any | unknown
      conv2d          | a16  | cpu | macOS 15 | no
      conv2d          | a18_pro | cpu | macOS 26 | yes
      conv2d          | a18_pro | cpu | macOS 15 | no
      conv2d          | a19  | cpu | iOS 18   | no
      conv2d          | a19  | cpu | iOS 26   | yes
      conv2d          | a12  | cpu | iOS 11   | no
      conv2d          | a12  | cpu | iOS 12   | yes
      conv2d          | m1_pro | cpu | iOS 18 | no
      conv2d          | m1_pro | cpu | macOS 15 | yes
      conv2d          | m1   | cpu | iOS 18   | yes
      conv2d          | m1   | cpu | iPadOS 18 | yes
      conv2d          | a12  | ane | any      | yes
      linear          | a12  | ane | any      | yes
      relu            | a13  | ane | any      | yes
      concat          | a13  | ane | any      | yes
      batch_norm      | a12  | ane | any      | yes
      depthwise_conv2d | a13 | ane | any      | yes
      add             | a12  | ane | any      | partial
      softmax         | a13  | ane | any      | unknown
      softmax         | a14  | ane | any      | yes
      reshape         | a12  | ane | any      | unknown
      clip            | a13  | ane | any      | unknown
      reduce_mean     | a12  | ane | any      | unknown
      reduce_mean     | m1   | ane | any      | yes
      relu6           | a13  | ane | any      | unknown
      sigmoid         | a12  | ane | any      | unknown
      sub             | a13  | ane | any      | unknown
      attention       | a13  | ane | any      | unknown
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

  /**
   * A catalog no rests on a source: inside the chips and releases it tested the no holds; outside
   * them it is unknown, and the words say whose no it was and what that source covered.
   */
  @Test
  void aNoOutsideItsSourcesTestedRangeIsUnknownAndSaysWhy() {
    KnowledgeBase kb = DevqAssertions.kb();
    var gather = kb.ops().get("gather");
    SupportRule.Verdict beyond =
        SupportRule.verdict(
            kb, gather, kb.socs().get("a17_pro"), ComputeUnit.ANE, OsVersion.parse("iOS 17"));
    assertEquals(SupportRule.Cause.UNTESTED, beyond.cause());
    assertTrue(beyond.mayRun(), "unknown never refuses a unit");
    assertEquals(
        "no source settles whether the Neural Engine runs it here: the one that says it does not"
            + " covers a12, a13; to iOS 14",
        SupportRule.reason(
            kb,
            gather,
            kb.socs().get("a17_pro"),
            ComputeUnit.ANE,
            OsVersion.parse("iOS 17"),
            beyond));
    SupportRule.Verdict inside =
        SupportRule.verdict(
            kb, gather, kb.socs().get("a13"), ComputeUnit.ANE, OsVersion.parse("iOS 14"));
    assertEquals(new SupportRule.Verdict(SupportStatus.NO, SupportRule.Cause.CATALOG), inside);
  }

  /** The grid never shows a yes for an OS newer than the last one a chip's devices run. */
  @Test
  void noUnitRunsAnythingPastTheChipsLastOs() {
    KnowledgeBase kb = DevqAssertions.kb();
    int capped = 0;
    for (Soc soc : kb.socs().values()) {
      java.util.OptionalInt last = soc.lastOs("ios");
      if (last.isEmpty()) {
        continue;
      }
      capped++;
      OsVersion next = new OsVersion("ios", last.getAsInt() + 1);
      for (Op op : kb.ops().values()) {
        for (ComputeUnit u : ComputeUnit.values()) {
          SupportRule.Verdict v = SupportRule.verdict(kb, op, soc, u, next);
          assertEquals(
              SupportStatus.NO,
              v.status(),
              op.id() + " on " + soc.id() + " " + u + " under " + next);
          assertTrue(
              v.cause() == SupportRule.Cause.AFTER_LAST_OS
                  || v.cause() == SupportRule.Cause.NO_COREML_ANE,
              v.cause().toString());
        }
      }
    }
    assertEquals(16, kb.socs().get("a11").lastOs("ios").getAsInt());
    assertEquals(26, kb.socs().get("a12").lastOs("ios").getAsInt(), "A12 iPads run iPadOS 26");
    assertEquals(26, kb.socs().get("a12x").lastOs("ios").getAsInt(), "iPadOS 27 drops the A12X");
    assertTrue(kb.socs().get("a12z").lastOs("ios").isEmpty(), "iPadOS 27 runs on the A12Z");
    assertEquals(3, capped, "a11, a12 and a12x are the chips current iOS releases dropped");
  }

  /**
   * A device's part answers for its own OS: an iPhone XS stops at iOS 18 though the A12's iPads run
   * iPadOS 26, an A12X iPad Pro stops at iPadOS 26 while the A12Z's runs 27 (the same die with one
   * more GPU core), an iMac's M1 runs no iOS though M1 iPads do, an iPhone 14 starts at iOS 16
   * though the iPhone 13's A15 ran iOS 15, and the reason names the kind of device.
   */
  @ParameterizedTest(name = "{0} under {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      iphone_xs   | iOS 18   |
      iphone_xs   | iOS 26   | no iPhone with the A12 Bionic runs iOS 26; their last is iOS 18
      ipad_mini_5 | iOS 26   |
      ipad_mini_5 | iOS 27   | no iPad with the A12 Bionic runs iPadOS 27; their last is iPadOS 26
      ipad_mini_5 | iPadOS 27 | no iPad with the A12 Bionic runs iPadOS 27; their last is iPadOS 26
      ipad_pro_11_2018 | iPadOS 26 |
      ipad_pro_11_2018 | iPadOS 27 | no iPad with the A12X Bionic runs iPadOS 27; their last is iPadOS 26
      ipad_pro_11_2020 | iPadOS 27 |
      ipad_pro_11_2020 | iOS 12   | this iPad shipped with iPadOS 13: it never ran iOS 12
      a12         | iOS 26   |
      a12         | iOS 27   | no device with the A12 Bionic runs iOS 27; their last is iPadOS 26
      iphone_x    | iOS 17   | no iPhone with the A11 Bionic runs iOS 17; their last is iOS 16
      a11         | iOS 17   | no iPhone with the A11 Bionic runs iOS 17; their last is iOS 16
      imac_24_m1  | iOS 18   | no Mac with the M1 runs iOS or iPadOS
      imac_24_m1  | iPadOS 17 | no Mac with the M1 runs iOS or iPadOS
      imac_24_m1  | macOS 15 |
      m1          | iOS 18   |
      m1_pro      | iOS 18   | no device with the M1 Pro runs iOS or iPadOS
      iphone_15   | macOS 14 | no iPhone with the A16 Bionic runs macOS
      iphone_13   | iOS 15   |
      iphone_14   | iOS 15   | this iPhone shipped with iOS 16: it never ran iOS 15
      iphone_14   | iOS 16   |
      a15         | iOS 15   |
      a15         | iOS 14   | no device with the A15 Bionic runs iOS 14; the first shipped with iOS 15
      iphone_17   | iOS 18   | this iPhone shipped with iOS 26: it never ran iOS 18
      ipad_mini_5 | iOS 11   | this iPad shipped with iOS 12: it never ran iOS 11
      ipad_air_m2 | iOS 16   | this iPad shipped with iPadOS 17: it never ran iPadOS 16
      macbook_neo | macOS 15 | this Mac shipped with macOS 26: it never ran macOS 15
      """)
  void aDevicesOsIsItsOwn(String target, String os, String reason) {
    KnowledgeBase kb = DevqAssertions.kb();
    Soc soc = kb.socOf(kb.entity(target));
    OsVersion release = OsVersion.parse(os);
    assertEquals(reason == null, SupportRule.runs(kb, soc, release), target + " " + os);
    assertEquals(reason == null ? "" : reason, SupportRule.whyNoneRuns(kb, soc, release));
    SupportRule.Verdict v =
        SupportRule.verdict(kb, kb.ops().get("conv2d"), soc, ComputeUnit.CPU, release);
    assertEquals(reason == null, v.mayRun(), v.toString());
  }

  /**
   * With no release asked, the newest the target's devices run decides: an op from iOS 18 never
   * reaches an iPhone X (its last is iOS 16), so it is not run there, in words that say why; an
   * iPhone XS gets iOS 18 and runs it.
   */
  @ParameterizedTest(name = "{1} on {0}''s {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      iphone_x  | scaled_dot_product_attention | cpu | CPU support starts with iOS 18 / macOS 15, and no iPhone with the A11 Bionic gets it: their last release is iOS 16
      a11       | scaled_dot_product_attention | gpu | GPU support starts with iOS 18 / macOS 15, and no iPhone with the A11 Bionic gets it: their last release is iOS 16
      iphone_xs | scaled_dot_product_attention | cpu |
      m1        | scaled_dot_product_attention | gpu |
      iphone_x  | conv2d                       | cpu |
      """)
  void anOpFromANewerReleaseThanTheDevicesLastIsNotRun(
      String target, String op, String unit, String reason) {
    KnowledgeBase kb = DevqAssertions.kb();
    Soc soc = kb.socOf(kb.entity(target));
    Op o = kb.ops().get(op);
    ComputeUnit u = ComputeUnit.valueOf(unit.toUpperCase(Locale.ROOT));
    SupportRule.Verdict v = SupportRule.verdict(kb, o, soc, u, null);
    assertEquals(reason == null, v.mayRun(), v.toString());
    if (reason != null) {
      assertEquals(SupportRule.Cause.NEVER_REACHES_OS, v.cause());
      assertEquals(reason, SupportRule.reason(kb, o, soc, u, null, v));
    }
  }

  /**
   * A claim known "from the A14 on" reaches a chip by its generation, not its launch year: the A12Z
   * shipped in 2020 with the A12's Neural Engine, so a last-axis layer norm there is unknown, as on
   * the A12; the M2 Pro (2023) is of the M2's generation, which is after the A14.
   */
  @ParameterizedTest(name = "layer_norm on the {0}'s Neural Engine: {1}")
  @CsvSource({
    "a12, UNKNOWN",
    "a12x, UNKNOWN",
    "a12z, UNKNOWN",
    "a13, UNKNOWN",
    "a14, YES",
    "m2_pro, YES"
  })
  void aClaimSinceAChipReachesLaterGenerations(String soc, SupportStatus expected) {
    KnowledgeBase kb = DevqAssertions.kb();
    SupportRule.Verdict v =
        SupportRule.verdict(
            kb, kb.ops().get("layer_norm"), kb.socs().get(soc), ComputeUnit.ANE, null);
    assertEquals(expected, v.status(), v.toString());
    if (expected == SupportStatus.UNKNOWN) {
      assertEquals(SupportRule.Cause.BEFORE_SOC, v.cause());
    }
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
      iOS 17      | iOS 17.4 / macOS 14.4 | true
      iOS 16      | iPadOS 17         | false
      macOS 14    | iOS 17 / macOS 14 | true
      macOS 13    | iOS17 / macOS14   | false
      iOS 18      | macOS 15          | true
      """)
  void comparesReleasesOfTheSamePlatform(String release, String sinceOs, boolean expected) {
    assertEquals(expected, OsVersion.parse(release).allows(sinceOs));
  }

  @Test
  void rejectsTextThatIsNotARelease() {
    assertThrows(IllegalArgumentException.class, () -> OsVersion.parse("Android 14"));
    assertThrows(IllegalArgumentException.class, () -> OsVersion.parse("latest"));
    // a major past any int says what it wants, not Java's "For input string"
    var tooLong =
        assertThrows(IllegalArgumentException.class, () -> OsVersion.parse("iOS 99999999999"));
    assertEquals(
        "expected an OS release such as 'iOS 17' or 'macOS 14', found 'iOS 99999999999'",
        tooLong.getMessage());
    assertEquals("macOS 14", OsVersion.parse(" macos 14.2 ").toString());
  }
}
