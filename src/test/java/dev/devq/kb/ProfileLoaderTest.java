package dev.devq.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticRenderer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every kind of profile error, one fixture each, reported with file:line:col and a suggestion. */
class ProfileLoaderTest {
  private static final Path SHIPPED = DevqAssertions.projectDir().resolve("profiles");
  private static final Path FIXTURES = DevqAssertions.projectDir().resolve("src/test/resources/loader");

  private static List<Diagnostic> loadWith(String fixture) {
    ProfileLoader.Result r = ProfileLoader.load(List.of(SHIPPED, FIXTURES.resolve(fixture)));
    assertTrue(!r.ok(), fixture + " should not load");
    return r.diagnostics();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      unknown-key           | 9:5   | unknown key 'rma'                              | did you mean 'ram'?
      wrong-dimension       | 9:10  | 'ram' must be Bytes, found Bandwidth            | write it in units of
      dangling-soc          | 6:10  | names unknown SoC 'a99'                         | did you mean
      duplicate-alias       | 2:5   | name 'A16 Bionic' of device 'test_phone' is already used by soc 'a16' | defined at
      wrong-type            | 7:11  | 'year' must be a whole number, found 'twenty'   |
      impossible-value      | 10:31 | the app memory limit is larger than the device's RAM |
      unknown-source        | 4:13  | unknown source 'iosreff'                        | did you mean 'iosref'?
      estimate-without-note | 10:31 | is marked estimate but has no note              | add note
      negative-value        | 9:10  | 'ram' cannot be negative                        |
      unknown-form-factor   | 8:18  | 'form_factor' must be one of                    | did you mean 'tablet'?
      malformed-yaml        | 3:20  | malformed YAML                                  |
      """)
  void reportsEachErrorWithItsPosition(String fixture, String lineColumn, String message, String note) {
    List<Diagnostic> ds = loadWith(fixture);
    Diagnostic d = ds.stream().filter(x -> x.message().contains(message)).findFirst()
        .orElseThrow(() -> new AssertionError("no '" + message + "' in\n" + DiagnosticRenderer.render(ds)));
    assertTrue(d.position().endsWith("test.yaml:" + lineColumn), d.position());
    if (note != null) {
      assertTrue(d.notes().stream().anyMatch(n -> n.contains(note)), d.notes().toString());
    }
  }

  @Test
  void aliasBombIsRejectedQuickly() {
    long start = System.nanoTime();
    List<Diagnostic> ds = loadWith("alias-bomb");
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 30, "alias bomb took too long");
    assertTrue(ds.get(0).message().contains("aliases"), ds.get(0).message());
  }

  @Test
  void shippedProfilesLoadAndAreLargeEnough() {
    KnowledgeBase kb = DevqAssertions.devq().kb();
    assertTrue(kb.socs().size() >= 20, "socs: " + kb.socs().size());
    assertTrue(kb.devices().size() >= 40, "devices: " + kb.devices().size());
    assertTrue(kb.ops().size() >= 80, "ops: " + kb.ops().size());
  }

  @Test
  void everyFactNamesAKnownSource() {
    KnowledgeBase kb = DevqAssertions.devq().kb();
    for (Entity e : kb.entities()) {
      for (Fact f : e.facts()) {
        assertTrue(kb.sources().containsKey(f.provenance().source()),
            e.id() + "." + f.path() + " has source '" + f.provenance().source() + "'");
      }
    }
  }

  @Test
  void overlaysReplaceEntitiesById() {
    ProfileLoader.Result r = ProfileLoader.load(List.of(SHIPPED));
    assertTrue(r.ok());
    assertEquals("iPhone 14 Pro", r.knowledgeBase().devices().get("iphone_14_pro").name());
  }
}
