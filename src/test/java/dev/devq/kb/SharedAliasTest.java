package dev.devq.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.DiagnosticRenderer;
import dev.devq.search.Hit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ONNX's Resize lowers to one of three catalog ops (an upsample by whole factors, else a nearest or
 * a bilinear resize), as the importer maps it, so the catalog lists it as an ONNX alias of all
 * three. The catalog used to name the bilinear resize alone, so a search or lookup of Resize never
 * showed the other two. An alias several ops share is legal, every one of them is found by it, and
 * a name that must resolve to one entity (a query's op, {@code devq info}) is refused listing them
 * instead of taking whichever is listed last.
 */
class SharedAliasTest {
  private static final KnowledgeBase KB = DevqAssertions.kb();
  private static final Set<String> RESIZES =
      Set.of("resize_bilinear", "resize_nearest", "upsample");

  @TempDir Path dir;

  @Test
  void resizeIsAnOnnxAliasOfEveryOpTheImporterMapsItTo() {
    assertEquals(RESIZES, Set.copyOf(KB.named("Resize")));
    assertEquals(RESIZES, Set.copyOf(KB.named("resize")));
    for (String id : RESIZES) {
      assertTrue(KB.ops().get(id).aliasesByEcosystem().get("onnx").contains("Resize"), id);
    }
    assertEquals(
        List.of("Upsample", "Resize"), KB.ops().get("upsample").aliasesByEcosystem().get("onnx"));
    assertNull(KB.lookup("Resize"), "a shared alias must not resolve to one op");
    assertEquals("upsample", KB.lookup("Upsample").id());
  }

  @Test
  void eachSharedAliasClaimNamesItsSource() {
    for (String id : RESIZES) {
      Fact f =
          KB.ops().get(id).facts().stream()
              .filter(x -> x.path().equals("aliases.onnx"))
              .findFirst()
              .orElseThrow(() -> new AssertionError(id + " has no sourced ONNX aliases"));
      String expected = id.equals("upsample") ? "onnxruntime_coreml_resize" : "onnx_operators";
      assertEquals(expected, f.provenance().source(), id);
      assertTrue(KB.sources().containsKey(f.provenance().source()), id);
    }
  }

  @Test
  void searchingResizeFindsAllThreeFirst() {
    List<String> top =
        DevqAssertions.engine().index().search("Resize", List.of("op"), 3).stream()
            .map(Hit::id)
            .toList();
    assertEquals(RESIZES, Set.copyOf(top));
  }

  @Test
  void aQueryNamingASharedAliasListsTheCandidates() {
    String text = DevqAssertions.assertFails("support(Resize)", DiagnosticCode.UNKNOWN_NAME);
    assertTrue(text.contains("ambiguous op 'Resize'"), text);
    assertTrue(
        text.contains(
            "'Resize' is an alias of resize_bilinear, resize_nearest, upsample; name one of them"),
        text);
    // an alias of one op still resolves
    assertTrue(DevqAssertions.run("support(Upsample)").ok());
  }

  @Test
  void aSharedAliasOnItsOwnIsAmbiguousNotUnknown() {
    String text = DevqAssertions.assertFails("Resize", DiagnosticCode.UNKNOWN_NAME);
    assertTrue(text.contains("ambiguous name 'Resize'"), text);
    assertTrue(text.contains("names 3 ops"), text);
    assertTrue(
        text.contains("'Resize' is an alias of resize_bilinear, resize_nearest, upsample"), text);
    String unknown = DevqAssertions.assertFails("Resizzle", DiagnosticCode.UNKNOWN_NAME);
    assertTrue(unknown.contains("unknown name 'Resizzle'"), unknown);
  }

  @Test
  void anAliasSharedWithAnotherKindIsStillRefused() throws IOException {
    String text =
        refused(
            "devices",
            """
        devices:
          - id: test_phone
            name: Test Phone
            aliases: [Resize]
            source: iosref
            confidence: reported
            soc: a16
            year: 2022
            form_factor: phone
            ram: 6 GB
            app_memory_limit: {value: 3 GB, confidence: estimate, note: "test"}
        """);
    assertTrue(text.contains("name 'Resize' of op"), text);
    assertTrue(text.contains("is already used by device 'test_phone'"), text);
  }

  @Test
  void aSourcedAliasListNamesAKnownSource() throws IOException {
    String text =
        refused(
            "ops",
            """
        ops:
        - id: test_resize
          name: Test resize
          category: resize
          op_class: data_movement
          source: onnx_operators
          confidence: vendor
          aliases:
            onnx: {value: [TestResize], source: no_such_source, confidence: vendor}
          support:
            cpu: {status: 'yes'}
        """);
    assertTrue(text.contains("no_such_source"), text);
  }

  /** The errors of the shipped profiles with {@code yaml} added as {@code kind/test.yaml}. */
  private String refused(String kind, String yaml) throws IOException {
    Files.writeString(Files.createDirectories(dir.resolve(kind)).resolve("test.yaml"), yaml);
    var loaded = ProfileLoader.load(List.of(DevqAssertions.projectDir().resolve("profiles"), dir));
    assertFalse(loaded.ok());
    return DiagnosticRenderer.render(loaded.diagnostics());
  }
}
