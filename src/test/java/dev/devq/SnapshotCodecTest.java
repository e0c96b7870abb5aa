package dev.devq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.kb.Deferred;
import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.KnowledgeBaseCodec;
import dev.devq.kb.RecordAssertions;
import dev.devq.kb.RecordCodec;
import dev.devq.lang.SourceText;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The codec the knowledge-base snapshot is written with: it carries every component of every record
 * of the YAML-loaded profiles, refuses a kind it does not know by its path, reads a deferred block
 * on first use, and brings source texts back wherever their text is shared.
 */
class SnapshotCodecTest {
  @Test
  void everyComponentOfEveryRecordIsCarried() throws Exception {
    KnowledgeBase original =
        Devq.fromYaml(DevqAssertions.projectDir().resolve("profiles"), List.of()).engine().kb();
    var out = new ByteArrayOutputStream();
    KnowledgeBaseCodec.write(original, new DataOutputStream(out));
    KnowledgeBase copy = KnowledgeBaseCodec.read(ByteBuffer.wrap(out.toByteArray()));
    assertEquals(original.version(), copy.version());
    same("entities", original.entities(), copy.entities());
    same("sources", original.sources(), copy.sources());
    same("budgets", original.budgets(), copy.budgets());
    same("constants", original.constants(), copy.constants());
    same("releases", original.releases(), copy.releases());
    same("calibration", original.calibration(), copy.calibration());
    same("runtimeCalibration", original.runtimeCalibration(), copy.runtimeCalibration());
  }

  private static void same(String path, Object a, Object b) {
    RecordAssertions.same(path, a, b);
  }

  private record Carried(String name, List<Integer> counts) {}

  private record Uncarried(String name, StringBuilder text) {}

  @Test
  void aComponentOfAKindTheCodecDoesNotKnowFailsTheWriteWithItsPath() throws IOException {
    var out = new ByteArrayOutputStream();
    RecordCodec.write(new Carried("a", List.of(1, 2)), new DataOutputStream(out));
    assertEquals(
        new Carried("a", List.of(1, 2)),
        RecordCodec.read(Carried.class, ByteBuffer.wrap(out.toByteArray())));
    var e =
        assertThrows(
            RecordCodec.UnsupportedException.class,
            () ->
                RecordCodec.write(
                    List.of(new Uncarried("b", new StringBuilder())),
                    new DataOutputStream(new ByteArrayOutputStream())));
    assertTrue(e.getMessage().contains("root[0].text"), e.getMessage());
  }

  private record Holder(String first, Deferred<List<String>> later, String last) {}

  /**
   * A deferred block may use what came before it, nothing after it uses what it holds (so "inside"
   * is written twice), and it is read on first use: a damaged block fails then, not before.
   */
  @Test
  void aDeferredValueIsReadOnFirstUseAndNothingAfterItReachesIntoIt() throws IOException {
    var holder = new Holder("before", Deferred.of(List.of("before", "inside")), "inside");
    var out = new ByteArrayOutputStream();
    RecordCodec.write(holder, new DataOutputStream(out));
    byte[] bytes = out.toByteArray();
    assertEquals(holder, RecordCodec.read(Holder.class, ByteBuffer.wrap(bytes)));
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    int inside = text.indexOf("inside");
    assertTrue(inside > 0 && text.indexOf("inside", inside + 1) > inside, "written twice");
    bytes[inside - 5] = 99; // the tag before the length of the block's "inside": no such tag
    Holder damaged = RecordCodec.read(Holder.class, ByteBuffer.wrap(bytes));
    assertEquals("inside", damaged.last());
    assertThrows(IllegalStateException.class, () -> damaged.later().get());
  }

  private record Texts(String before, SourceText a, SourceText b, Deferred<String> later) {}

  /**
   * Source texts come back with their text, made on first use, also where the text is a string
   * written elsewhere too (before, after, in a deferred block, or another text's).
   */
  @Test
  void sourceTextsComeBackWithTheirTextsWhereverTheyAreShared() throws IOException {
    var texts =
        new Texts(
            "",
            new SourceText("empty.yaml", "", 3),
            new SourceText("a.yaml", "id: µ\nname: A\n"),
            Deferred.of("id: µ\nname: A\n"));
    var again =
        new Texts("x", texts.b(), new SourceText("c.yaml", "id: µ\nname: A\n"), texts.later());
    var out = new ByteArrayOutputStream();
    RecordCodec.write(List.of(texts, again), new DataOutputStream(out));
    List<?> read = RecordCodec.read(List.class, ByteBuffer.wrap(out.toByteArray()));
    for (int i = 0; i < 2; i++) {
      Texts original = i == 0 ? texts : again;
      Texts copy = (Texts) read.get(i);
      assertEquals(original.before(), copy.before());
      for (SourceText[] t :
          List.of(
              new SourceText[] {original.a(), copy.a()},
              new SourceText[] {original.b(), copy.b()})) {
        assertEquals(t[0].name(), t[1].name());
        assertEquals(t[0].text(), t[1].text());
        assertEquals(t[0].position(4), t[1].position(4));
      }
      assertEquals(original.later().get(), copy.later().get());
    }
  }
}
