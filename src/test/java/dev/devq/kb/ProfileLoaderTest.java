package dev.devq.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every kind of profile error, one fixture each, reported with file:line:col and a suggestion. */
class ProfileLoaderTest {
  private static final Path SHIPPED = DevqAssertions.projectDir().resolve("profiles");
  private static final Path FIXTURES =
      DevqAssertions.projectDir().resolve("src/test/resources/loader");

  private static List<Diagnostic> loadWith(String fixture) {
    ProfileLoader.Result r = ProfileLoader.load(List.of(SHIPPED, FIXTURES.resolve(fixture)));
    assertTrue(!r.ok(), fixture + " should not load");
    return r.diagnostics();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      unknown-key               | test.yaml:9:5    | unknown key 'rma'                              | did you mean 'ram'?
      wrong-dimension           | test.yaml:9:10   | 'ram' must be Bytes, found Bandwidth            | write it in units of
      dangling-soc              | test.yaml:6:10   | names unknown SoC 'a99'                         | did you mean
      duplicate-alias           | test.yaml:2:5    | name 'A16 Bionic' of device 'test_phone' is already used by soc 'a16' | defined at
      duplicate-id              | test.yaml:12:5   | duplicate id 'test_phone'                       | first defined at
      duplicate-id-across-kinds | test.yaml:3:5    | name 'a16' of device 'a16' is already used by soc 'a16' | defined at
      wrong-type                | test.yaml:7:11   | 'year' must be a whole number, found 'twenty'   |
      impossible-value          | test.yaml:10:31  | the app memory limit is larger than the device's RAM |
      unknown-source            | test.yaml:4:13   | unknown source 'iosreff'                        | did you mean 'iosref'?
      missing-source            | test.yaml:5:10   | has no source: neither the value nor a mapping around it names one | add source:
      missing-source-ram-max    | test.yaml:10:14  | 'ram_max' has no source                         | add source:
      ram-max-below-ram         | test.yaml:11:14  | 'ram_max' is smaller than the device's RAM      | base configuration
      ram-max-below-ram         | test.yaml:12:34  | 'gpu_working_set_max' needs a 'ram_max' at least as large |
      variant-ram-max           | test.yaml:13:22  | 'variant_ram_max' is not below 'ram_max'        | leave it out
      variant-ram-max           | test.yaml:14:42  | 'variant_gpu_working_set_max' needs a 'variant_ram_max' at least as large |
      variant-ram-max           | test.yaml:24:36  | 'app_memory_limit_entitled_max' needs a 'ram_max' at least as large |
      estimate-without-note     | test.yaml:10:31  | is marked estimate but has no note              | add note
      negative-value            | test.yaml:9:10   | 'ram' cannot be negative                        |
      unknown-form-factor       | test.yaml:8:18   | 'form_factor' must be one of                    | did you mean 'tablet'?
      unknown-op-category       | test.yaml:5:15   | 'category' must be one of                       | did you mean 'normalization'?
      unknown-since-soc         | test.yaml:10:41  | op 'test_op' support on ane names unknown SoC 'a41' | did you mean 'a14'?
      increasing-thermal-curve  | a16.yaml:42:9    | thermal curve fractions must never increase     | the point before is 75% at 5 min
      too-many-coreml-cores     | m2_ultra.yaml:14:25 | 'coreml_cores' (48) cannot exceed the Neural Engine's cores (32) | at most 'cores'
      malformed-yaml            | test.yaml:3:11   | malformed YAML                                  |
      nesting-bomb              | test.yaml:2:50   | nesting deeper than 40 levels                   | flatten
      alias-bomb                | test.yaml:1:4    | anchors and aliases are not allowed             | write the value out in full
      bad-release               | releases.yaml:4:18 | 'majors' must list whole numbers such as 17, found '17a' |
      bad-release               | releases.yaml:7:15 | 'platform' must be one of iOS, macOS, found 'iPadOs' | did you mean 'iOS'?
      bad-first-os              | test.yaml:9:15   | 'first_os': iPhones run iOS, not macOS         | e.g. 'iOS 17'
      bad-first-os              | test.yaml:19:15  | 'first_os': expected an OS release such as 'iOS 17' or 'macOS 14', found 'Android 14' | e.g. 'iOS 17'
      unknown-first-os          | test.yaml:9:15   | 'first_os': unknown OS release 'iOS 99'         | the newest iOS release devq knows is iOS 27
      bad-year                  | test.yaml:7:11   | 'year' must be at most 2100, found 99999        |
      bad-source-url            | sources.yaml:6:10  | source 'clicks_to_script' has the url 'javascript:alert(1)': only http, https and doi links are allowed | link to its page with https://
      bad-source-url            | sources.yaml:11:10 | source 'reads_a_local_file' has the url 'file:///etc/passwd' |
      bad-source-url            | sources.yaml:16:10 | source 'inline_page' has the url 'data:text/html, |
      bad-source-url            | sources.yaml:21:10 | source 'hidden_script' has the url ' JAVA |
      bad-source-url            | sources.yaml:46:10 | source 'other_scheme' has the url 'ftp://example.com/paper.pdf' |
      bad-source-url            | sources.yaml:51:10 | source 'not_a_doi' has the url 'doi:javascript-alert' | give its DOI as doi:10.
      bad-source-url            | sources.yaml:56:10 | source 'spaced_script' has the url 'javascript: alert(1)' |
      """)
  void reportsEachErrorWithItsPosition(
      String fixture, String position, String message, String note) {
    List<Diagnostic> ds = loadWith(fixture);
    Diagnostic d =
        ds.stream()
            .filter(x -> x.message().contains(message))
            .findFirst()
            .orElseThrow(
                () ->
                    new AssertionError(
                        "no '" + message + "' in\n" + DiagnosticRenderer.render(ds)));
    assertTrue(
        d.position().contains(fixture + "/") && d.position().contains("/" + position),
        d.position());
    if (note != null) {
      assertTrue(d.notes().stream().anyMatch(n -> n.contains(note)), d.notes().toString());
    }
  }

  /**
   * A file of a {@code --profiles} folder is named below that folder as the user wrote it, so the
   * name an error gives opens from where they ran devq; the shipped profiles keep {@code
   * profiles/…}, the same on every machine.
   */
  @Test
  void aUserFolderIsNamedAsItWasWritten() {
    Path written = Path.of("src/test/resources/loader/malformed-yaml");
    ProfileLoader.Result r = ProfileLoader.load(List.of(SHIPPED, written));
    assertEquals(written.resolve("devices/test.yaml") + ":3:11", r.diagnostics().get(0).position());
    Path absolute = FIXTURES.resolve("malformed-yaml").toAbsolutePath();
    r = ProfileLoader.load(List.of(SHIPPED, absolute));
    assertEquals(
        absolute.resolve("devices/test.yaml") + ":3:11", r.diagnostics().get(0).position());
  }

  /**
   * A source's url was any text, so {@code javascript:alert(1)} became a link in info and review
   * documents; now only these are refused, and an https link (any case), a DOI, words without a
   * scheme or a word and a colon before a space ({@code AnandTech: M1 review}) load.
   */
  @Test
  void refusesOnlySourceUrlsThatAreNotWebLinks() {
    List<String> refused =
        loadWith("bad-source-url").stream()
            .map(d -> d.message().replaceFirst("' has the url .*", ""))
            .toList();
    assertEquals(
        List.of(
            "source 'clicks_to_script",
            "source 'reads_a_local_file",
            "source 'inline_page",
            "source 'hidden_script",
            "source 'other_scheme",
            "source 'not_a_doi",
            "source 'spaced_script"),
        refused);
  }

  @Test
  void reportsEveryErrorOfARunTogether() {
    ProfileLoader.Result r =
        ProfileLoader.load(
            List.of(
                SHIPPED,
                FIXTURES.resolve("unknown-key"),
                FIXTURES.resolve("wrong-dimension"),
                FIXTURES.resolve("unknown-since-soc")));
    List<String> messages = r.diagnostics().stream().map(Diagnostic::message).toList();
    assertTrue(
        messages.stream().anyMatch(m -> m.contains("unknown key 'rma'")), messages.toString());
    assertTrue(messages.stream().anyMatch(m -> m.contains("must be Bytes")), messages.toString());
    assertTrue(
        messages.stream().anyMatch(m -> m.contains("unknown SoC 'a41'")), messages.toString());
  }

  @Test
  void misspelledRequiredKeyIsReportedOnceAsUnknown() {
    List<Diagnostic> ds = loadWith("unknown-key");
    assertEquals(
        List.of(),
        ds.stream().filter(d -> d.message().contains("missing required key 'ram'")).toList());
  }

  @Test
  void rejectsOversizedFileWithoutParsingIt(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("devices"));
    byte[] line =
        "# padding padding padding padding padding padding padding padding padding\n"
            .getBytes(StandardCharsets.UTF_8);
    try (var out = Files.newOutputStream(dir.resolve("devices/big.yaml"))) {
      for (long written = 0; written <= YamlReader.MAX_BYTES; written += line.length) {
        out.write(line);
      }
    }
    ProfileLoader.Result r = ProfileLoader.load(List.of(SHIPPED, dir));
    assertTrue(!r.ok());
    Diagnostic d = r.diagnostics().get(0);
    assertTrue(d.message().startsWith("file is larger than the 4 MB"), d.message());
    assertTrue(d.position().endsWith("devices/big.yaml:1:1"), d.position());
  }

  @Test
  void missingProfileDirectoryIsAnError() {
    ProfileLoader.Result r =
        ProfileLoader.load(List.of(SHIPPED, FIXTURES.resolve("no-such-directory")));
    assertTrue(!r.ok());
    assertTrue(
        r.diagnostics().get(0).message().startsWith("profile directory not found"),
        r.diagnostics().get(0).message());
  }

  @Test
  void shippedProfilesLoadAndAreLargeEnough() {
    KnowledgeBase kb = DevqAssertions.kb();
    assertTrue(kb.socs().size() >= 20, "socs: " + kb.socs().size());
    assertTrue(kb.devices().size() >= 40, "devices: " + kb.devices().size());
    assertTrue(kb.ops().size() >= 80, "ops: " + kb.ops().size());
  }

  @Test
  void everyFactNamesAKnownSource() {
    KnowledgeBase kb = DevqAssertions.kb();
    for (Entity e : kb.entities()) {
      for (Fact f : e.facts()) {
        assertTrue(
            kb.sources().containsKey(f.provenance().source()),
            e.id() + "." + f.path() + " has source '" + f.provenance().source() + "'");
      }
    }
  }

  @Test
  void overlaysReplaceEntitiesById() {
    ProfileLoader.Result r =
        ProfileLoader.load(List.of(SHIPPED, FIXTURES.resolve("overlay-replaces")));
    assertTrue(r.ok(), () -> DiagnosticRenderer.render(r.diagnostics()));
    Device d = r.knowledgeBase().devices().get("iphone_14_pro");
    assertEquals("iPhone 14 Pro (measured in our lab)", d.name());
    assertEquals(2.8e9, d.appMemoryLimit().value().value(), 1);
    assertEquals(DevqAssertions.kb().devices().size(), r.knowledgeBase().devices().size());
  }

  @Test
  void everyEstimateSaysHowItWasObtained() {
    for (Entity e : DevqAssertions.kb().entities()) {
      for (Fact f : e.facts()) {
        Confidence c = f.provenance().confidence();
        if (c == Confidence.ESTIMATE || c == Confidence.DERIVED) {
          assertTrue(
              !f.provenance().note().isBlank(),
              e.id() + "." + f.path() + " is an estimate without a note");
        }
      }
    }
  }
}
