package dev.devq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.kb.Deferred;
import dev.devq.kb.DeferredState;
import dev.devq.kb.Entity;
import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.ModelProfile;
import dev.devq.kb.RecordAssertions;
import dev.devq.lang.DiagnosticRenderer;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import dev.devq.model.Model;
import dev.devq.query.check.Resolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The knowledge-base snapshot gives the same answers as the YAML it was made from and is never used
 * when it does not match the profiles on disk ({@link SnapshotCodecTest}: that it carries every
 * component of every record).
 */
class SnapshotTest {
  private static Path shipped;
  private static byte[] bytes;
  private static byte[] modelBytes;
  private static Devq yaml;
  private static Devq snapshot;

  @BeforeAll
  static void load() throws Exception {
    shipped = DevqAssertions.projectDir().resolve("profiles");
    yaml = Devq.fromYaml(shipped, List.of());
    KnowledgeBase kb = yaml.engine().kb();
    bytes = Snapshot.bytes(shipped, kb);
    modelBytes = Snapshot.modelBytes(shipped, ModelValidation.check(kb).models());
    snapshot = Devq.fromSnapshot(read(shipped), List.of());
  }

  private static Snapshot read(Path root) {
    return Snapshot.read(
        new ByteArrayInputStream(bytes), () -> new ByteArrayInputStream(modelBytes), root);
  }

  @Test
  void theBuildShipsASnapshotOfTheProfilesAndLoadUsesIt() {
    // Maven's process-classes step wrote it; a missing or stale one would make every start slow
    assertNotNull(Snapshot.shipped(shipped), Snapshot.RESOURCE + " missing or stale");
  }

  private static void same(String path, Object a, Object b) {
    RecordAssertions.same(path, a, b);
  }

  @Test
  void everyEntityHasTheSameInfoFromSnapshotAndYaml() {
    List<Entity> entities = yaml.engine().kb().entities();
    assertTrue(entities.size() > 300, "entities: " + entities.size());
    for (Entity e : entities) {
      Answer a = yaml.info(e.id());
      Answer b = snapshot.info(e.id());
      assertEquals(a.text(), b.text(), e.id());
      assertEquals(a.json(), b.json(), e.id());
    }
    for (String id : yaml.engine().kb().sources().keySet()) {
      assertEquals(yaml.info(id).text(), snapshot.info(id).text(), id);
    }
    assertEquals(yaml.contents(), snapshot.contents());
    assertEquals(yaml.version(), snapshot.version());
  }

  @Test
  void everyZooModelHasTheSameEstimatesFromSnapshotAndYaml() {
    KnowledgeBase kb = yaml.engine().kb();
    List<String> targets = List.of("a16", "m3_max", kb.devices().keySet().iterator().next());
    for (String model : kb.models().keySet()) {
      for (String target : targets) {
        String q = "latency(" + model + ", " + target + ", throttled)";
        assertEquals(answer(yaml, q), answer(snapshot, q), q);
      }
      String q = "memory(" + model + ")";
      assertEquals(answer(yaml, q), answer(snapshot, q), q);
    }
  }

  /** The models the snapshot carries built are the ones the YAML builds, layer by layer. */
  @Test
  void everyShippedBuiltModelIsTheOneTheYamlBuilds() {
    KnowledgeBase kb = yaml.engine().kb();
    Snapshot read = read(shipped);
    assertEquals(kb.models().keySet(), read.models().get().keySet());
    for (ModelProfile m : kb.models().values()) {
      same(m.id(), build(yaml, m), read.models().get().get(m.id()).get());
      same(m.id(), build(yaml, m), build(snapshot, snapshot.engine().kb().models().get(m.id())));
    }
  }

  private static Model build(Devq devq, ModelProfile m) {
    return devq.engine().model(m, Map.of(), new SourceText("<test>", m.id()), new Span(0, 0));
  }

  @Test
  void theGluedNameTableIsTheOneTheYamlGives() {
    Map<String, String> fromYaml = Resolver.gluedNames(yaml.engine().kb());
    assertEquals(fromYaml, read(shipped).gluedNames().get());
    assertEquals("iphone_15_pro", fromYaml.get("iphone15pro")); // the table is not empty
    String glued = "latency(mobilenetv2, iphone15pro, throttled) + latency(mobilenet_v2, A16)";
    assertEquals(answer(yaml, glued), answer(snapshot, glued));
  }

  @Test
  void searchAndNameResolutionUseAnEquivalentPrebuiltIndex() {
    var options = new SearchOptions(null, null, null, 10);
    for (String q : List.of("layer norm", "iphone 15", "conv2d", "torch.nn.GELU", "m3 max")) {
      assertEquals(yaml.search(q, options).text(), snapshot.search(q, options).text(), q);
    }
    String typo = "latency(mobilenet_v2, iphone15pro, throttled) + latency(mobilnet_v2, a16)";
    assertEquals(answer(yaml, typo), answer(snapshot, typo));
  }

  @Test
  void overlaysMergeOnTheSnapshotAsOnTheYaml(@TempDir Path dir) throws Exception {
    Path socs = Files.createDirectories(dir.resolve("socs"));
    Files.writeString(
        socs.resolve("a16.yaml"),
        Files.readString(shipped.resolve("socs/a16.yaml"))
            .replace("name: A16 Bionic", "name: A16 Overlaid"));
    List<Path> overlays =
        List.of(dir, DevqAssertions.projectDir().resolve("src/test/resources/models-extra"));
    Devq a = Devq.fromYaml(shipped, overlays);
    Devq b = Devq.fromSnapshot(read(shipped), overlays);
    assertEquals(a.version(), b.version());
    assertFalse(a.version().equals(yaml.version()));
    assertEquals(a.contents(), b.contents());
    assertEquals(a.info("a16").text(), b.info("a16").text());
    assertTrue(b.info("a16").text().contains("A16 Overlaid"));
    String q = "latency(keyword_lstm, a16, throttled)";
    assertEquals(answer(a, q), answer(b, q));
  }

  @Test
  void overlayErrorsAreTheSameOnTheSnapshot() {
    Path bad = DevqAssertions.projectDir().resolve("src/test/resources/cli-overlays/three-errors");
    var a = assertThrows(LoadException.class, () -> Devq.fromYaml(shipped, List.of(bad)));
    var b = assertThrows(LoadException.class, () -> Devq.fromSnapshot(read(shipped), List.of(bad)));
    assertEquals(
        DiagnosticRenderer.render(a.diagnostics()), DiagnosticRenderer.render(b.diagnostics()));
  }

  @Test
  void aSnapshotOfOtherProfilesOrOtherBytesIsNotUsed(@TempDir Path dir) throws IOException {
    Path copy = copyOfShipped(dir);
    assertNotNull(read(copy), "a copy with the same content (other times) is the same profiles");
    Path a16 = copy.resolve("socs/a16.yaml");
    Files.writeString(a16, Files.readString(a16) + "\n");
    assertNull(read(copy), "an edited profile");
    Files.delete(a16);
    assertNull(read(copy), "a deleted profile");
    byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length / 2);
    byte[] junk = "not a snapshot".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Supplier<InputStream> models = () -> new ByteArrayInputStream(modelBytes);
    assertNull(Snapshot.read(new ByteArrayInputStream(truncated), models, shipped));
    assertNull(Snapshot.read(new ByteArrayInputStream(junk), models, shipped));
  }

  /**
   * The recorded times only spare reading files: a file edited to the same size, whose time then
   * differs, is read and found changed; with its time set back to the recorded one, an unchanged
   * copy is the same profiles without reading it.
   */
  @Test
  void anEditThatKeepsTheSizeIsFoundByItsChecksum(@TempDir Path dir) throws IOException {
    Path copy = copyOfShipped(dir);
    Path a16 = copy.resolve("socs/a16.yaml");
    String text = editKeepingTheSize(a16);
    assertEquals(Files.size(shipped.resolve("socs/a16.yaml")), Files.size(a16));
    assertNull(read(copy), "the same size, other content");
    Files.writeString(a16, text);
    Files.setLastModifiedTime(a16, Files.getLastModifiedTime(shipped.resolve("socs/a16.yaml")));
    assertNotNull(read(copy), "the content again, with the recorded time");
  }

  /** Changes a16.yaml's year, which keeps its size; returns the text it had. */
  static String editKeepingTheSize(Path a16) throws IOException {
    String text = Files.readString(a16);
    int digit = text.indexOf("2022");
    assertTrue(digit > 0, "a16.yaml names its year");
    Files.writeString(a16, text.substring(0, digit) + "2023" + text.substring(digit + 4));
    return text;
  }

  /** A snapshot read ahead on another thread is the one the next load of that root gets. */
  @Test
  void aPrefetchedSnapshotServesTheNextLoad(@TempDir Path dir) throws Exception {
    Snapshot.prefetch(shipped, index -> {});
    Snapshot ahead = Snapshot.shipped(shipped);
    assertNotNull(ahead);
    String q = "latency(mobilenet_v2, a16, throttled)";
    Devq devq = Devq.fromSnapshot(ahead, List.of());
    assertEquals(answer(yaml, q), answer(devq, q));
    var options = new SearchOptions(null, null, null, 10);
    assertEquals(
        yaml.search("layer norm", options).text(), devq.search("layer norm", options).text());
    Snapshot.prefetch(copyOfShipped(dir), null);
    assertNotNull(Snapshot.shipped(shipped), "a prefetch of another root is not taken");
  }

  /**
   * A one-shot search's thread that opened the index reads ahead what marking its hits asks of it
   * ({@code Devq.prefetchSearch}) while the search itself runs: every kind of query answers as from
   * the YAML, and the read ahead ends without an error.
   */
  @Test
  void aSearchWhoseStrengthsAreReadAheadAnswersAsWithout() throws Exception {
    var options = new SearchOptions(null, null, null, 5);
    for (String q :
        List.of(
            "layer norm",
            "depthwise separable convolution",
            "layrnorm",
            "category:activation",
            "iphone 15",
            "torch.nn.functional.frobnicate")) {
      var read = new CompletableFuture<Void>();
      Snapshot.prefetch(
          shipped,
          index -> {
            index.readAhead(q);
            read.complete(null);
          });
      Devq devq = Devq.fromSnapshot(Snapshot.shipped(shipped), List.of());
      assertEquals(yaml.search(q, options).text(), devq.search(q, options).text(), q);
      read.get(30, TimeUnit.SECONDS);
    }
  }

  /**
   * A one-shot command's models are read ahead while the records are decoded: those a word of its
   * arguments names, no other, and its load then uses those very models.
   */
  @Test
  void theModelsACommandNamesAreReadAheadForItsLoad(@TempDir Path dir) throws Exception {
    String q = "latency(mobilenet_v2, a16, throttled) < latency(resnet50_v9, a16)";
    var models = Snapshot.prefetch(shipped, null);
    Snapshot ahead =
        Snapshot.shipped(shipped); // the load takes the snapshot first, as a start does
    Snapshot.readModelsAhead(models, CommandWords.words(List.of("eval", q)));
    Map<String, Deferred<Model>> built = ahead.models().get();
    assertTrue(DeferredState.made(built.get("mobilenet_v2")), "named");
    assertFalse(DeferredState.made(built.get("resnet50")), "resnet50_v9 is not resnet50");
    assertFalse(DeferredState.made(built.get("alexnet")), "not named");
    Devq devq = Devq.fromSnapshot(ahead, List.of());
    var profile = devq.engine().kb().models().get("mobilenet_v2");
    assertSame(built.get("mobilenet_v2").get(), devq.engine().model(profile, Map.of(), null, null));
    String latency = "latency(mobilenet_v2, a16, throttled)";
    assertEquals(answer(yaml, latency), answer(devq, latency));
    // profiles that are not the snapshot's: no models, nothing read
    Path copy = copyOfShipped(dir);
    Files.writeString(copy.resolve("models/alexnet.yaml"), "\n", StandardOpenOption.APPEND);
    var none = Snapshot.prefetch(copy, null);
    Snapshot.readModelsAhead(none, Set.of("alexnet"));
    assertNull(none.join());
    assertNull(Snapshot.shipped(copy));
  }

  @Test
  void theWordsThatCouldBeCommandWords() {
    assertEquals(
        List.of("eval", "let", "m", "resnet50", "latency", "a17_pro", "1ms", "x"),
        List.copyOf(
            CommandWords.words(
                List.of("eval", "let m = resnet50", "latency(m, a17_pro) < 1ms", "", "M x"))));
  }

  private static Path copyOfShipped(Path dir) throws IOException {
    Path copy = dir.resolve("profiles");
    try (Stream<Path> files = Files.walk(shipped)) {
      for (Path p : files.toList()) {
        Files.copy(p, copy.resolve(shipped.relativize(p).toString()));
      }
    }
    return copy;
  }

  /** Built models that are missing, unreadable or of other profiles are built from the profiles. */
  @Test
  void withoutUsableBuiltModelsEachModelIsBuiltFromItsProfile(@TempDir Path dir) throws Exception {
    byte[] junk = "not built models".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] other = Snapshot.modelBytes(dir, ModelValidation.check(yaml.engine().kb()).models());
    List<Supplier<InputStream>> unusable =
        List.of(
            () -> null,
            () -> new ByteArrayInputStream(junk),
            () -> new ByteArrayInputStream(other));
    String q = "latency(mobilenet_v2, a16, throttled)";
    for (Supplier<InputStream> models : unusable) {
      Snapshot s = Snapshot.read(new ByteArrayInputStream(bytes), models, shipped);
      assertEquals(Map.of(), s.models().get());
      assertEquals(answer(yaml, q), answer(Devq.fromSnapshot(s, List.of()), q));
    }
  }

  private static String answer(Devq devq, String query) {
    Run run = devq.eval(query);
    List<String> out = new ArrayList<>();
    run.outcomes().forEach(o -> out.add(o.text(true) + o.json()));
    out.add(DiagnosticRenderer.render(run.diagnostics()));
    return String.join("\n", out);
  }
}
