package dev.devq.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which OS releases the shipped knowledge base knows, and what it says of the others. */
class OsReleasesTest {
  private static final OsReleases SHIPPED = DevqAssertions.kb().releases();

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "iOS 11",
        "iOS 16",
        "iOS 18",
        "iOS 26",
        "iOS 27",
        "iPadOS 17.4",
        "iOS 17.4.1",
        "macOS 10.15",
        "macOS 15",
        "macOS 26",
        "17"
      })
  void knowsEveryShippedRelease(String release) {
    assertTrue(SHIPPED.unknown(OsVersion.parse(release)).isEmpty(), release);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      iOS 19    | there was no iOS 19: after iOS 18 came iOS 26 [apple_year_naming] | did you mean "iOS 26"?
      iPadOS 25 | there was no iOS 25: after iOS 18 came iOS 26 [apple_year_naming] | did you mean "iOS 26"?
      macOS 16  | there was no macOS 16: after macOS 15 came macOS 26 [apple_year_naming] | did you mean "macOS 26"?
      iOS 28    | the newest iOS release devq knows is iOS 27 [wwdc26_os27]        | did you mean "iOS 27"?
      iOS 99.1  | the newest iOS release devq knows is iOS 27 [wwdc26_os27]        | did you mean "iOS 27"?
      iOS 9     | the oldest iOS release devq knows is iOS 11 [ios_version_history] | devq's devices start with iOS 11
      macOS 9   | the oldest macOS release devq knows is macOS 10 [macos_version_history] | devq's devices start with macOS 10
      """)
  void refusesAReleaseThatIsNotKnown(String release, String reason, String suggestion) {
    OsReleases.Unknown u = SHIPPED.unknown(OsVersion.parse(release)).orElseThrow();
    assertEquals(reason, u.reason());
    assertEquals(suggestion, u.suggestion());
  }

  /** A release is major.minor.patch at most: more parts are a typo, not a release. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"iOS 17.0.0.0", "iOS 17.0.0.0.0.0", "iOS 17.", "iOS 17..1", "iOS"})
  void isNoRelease(String text) {
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> OsVersion.parse(text), text);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"iOS 5", "iOS 21", "macOS 99"})
  void aPlatformWithNoReleaseListedRefusesNothing(String release) {
    var onlyMac =
        new OsReleases(
            List.of(new OsRelease("macos", 14, new Provenance("x", Confidence.REPORTED, ""))));
    OsVersion v = OsVersion.parse(release);
    assertEquals(v.platform().equals("ios"), onlyMac.unknown(v).isEmpty(), release);
    assertTrue(OsReleases.NONE.unknown(v).isEmpty());
  }

  /**
   * Every macOS release reads as the iOS of its year, as the catalog's requirements pair them
   * ({@code "iOS 17 / macOS 14"}): its per-release cost constants are that iOS's.
   */
  @Test
  void aMacReleaseReadsAsTheIosOfItsYearAsTheCatalogPairsThem() {
    var pair = Pattern.compile("iOS (\\d+) / macOS (\\d+)");
    int pairs = 0;
    for (Op op : DevqAssertions.kb().ops().values()) {
      for (ComputeUnit unit : ComputeUnit.values()) {
        Matcher m = pair.matcher(String.valueOf(op.supportOn(unit).sinceOs()));
        if (m.find()) {
          pairs++;
          assertEquals(
              Integer.parseInt(m.group(1)),
              new OsVersion("macos", Integer.parseInt(m.group(2))).iosMajor(),
              op.id() + " on " + unit);
        }
      }
    }
    assertTrue(pairs > 0, "the catalog pairs some releases");
    assertEquals(26, OsVersion.parse("macOS 26").iosMajor());
    assertEquals(13, OsVersion.parse("macOS 10.15").iosMajor(), "macOS 10 reads as its last");
    assertEquals(17, OsVersion.parse("iPadOS 17").iosMajor());
  }
}
