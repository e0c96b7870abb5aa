package dev.devq.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A knowledge base read from its snapshot form decodes an entity when something reads it, and only
 * then: a lookup by id, name or alias decodes the one entity it names. What it decodes is what was
 * written, the same object to every reader on every thread.
 */
class LazyDecodingTest {
  private static final KnowledgeBase KB = DevqAssertions.kb();
  private static byte[] bytes;

  @BeforeAll
  static void write() throws Exception {
    var out = new ByteArrayOutputStream();
    try (var data = new DataOutputStream(out)) {
      KnowledgeBaseCodec.write(KB, data);
    }
    bytes = out.toByteArray();
  }

  private static KnowledgeBase read() throws Exception {
    return KnowledgeBaseCodec.read(ByteBuffer.wrap(bytes));
  }

  @Test
  void readingDecodesNoEntity() throws Exception {
    KnowledgeBase kb = read();
    assertEquals(0, kb.made());
    // ids, sizes and membership need no entity
    assertEquals(KB.socs().keySet(), kb.socs().keySet());
    assertEquals(KB.ops().size(), kb.ops().size());
    assertTrue(kb.devices().containsKey("iphone_15_pro"));
    assertEquals(KB.version(), kb.version());
    assertEquals(0, kb.made());
  }

  @Test
  void aLookupDecodesTheEntityItNames() throws Exception {
    KnowledgeBase kb = read();
    same("a16", KB.lookup("a16"), kb.lookup("a16"));
    assertEquals(1, kb.made());
    same("mobilenet_v2", KB.lookup("mobilenet_v2"), kb.lookup("mobilenet_v2"));
    assertEquals(2, kb.made());
    // a name and an alias, in another case
    Op layerNorm = KB.ops().get("layer_norm");
    String alias = layerNorm.aliases().get(0);
    assertSame(kb.ops().get("layer_norm"), kb.lookup(alias.toUpperCase(java.util.Locale.ROOT)));
    assertSame(kb.ops().get("layer_norm"), kb.lookup(layerNorm.name()));
    assertEquals(3, kb.made());
    assertEquals(null, kb.lookup("no such thing"));
    assertEquals(3, kb.made());
  }

  /** Devices of one profile file share its text, as when the file is read: it is stored once. */
  @Test
  void entitiesOfOneFileShareItsText() throws Exception {
    KnowledgeBase kb = read();
    Device first = kb.devices().values().iterator().next();
    int sharing = 0;
    for (Device d : kb.devices().values()) {
      if (d != first && d.origin().source().name().equals(first.origin().source().name())) {
        assertSame(first.origin().source(), d.origin().source(), d.id());
        sharing++;
      }
    }
    assertTrue(sharing > 0, "no other device in " + first.origin().source().name());
    assertTrue(bytes.length < 4_000_000, bytes.length + " bytes");
  }

  /** Which entity it is: the whole of each is compared once, below. */
  private static String named(Entity e) {
    return e == null ? null : e.kind() + ":" + e.id();
  }

  private static void same(String path, Object a, Object b) {
    RecordAssertions.same(path, a, b);
  }

  @Test
  void everyLookupAgreesWithTheLoadedKnowledgeBase() throws Exception {
    KnowledgeBase kb = read();
    for (Entity e : KB.entities()) {
      List<String> names = new ArrayList<>(e.aliases());
      names.add(e.id());
      names.add(e.name());
      for (String name : names) {
        assertEquals(named(KB.lookup(name)), named(kb.lookup(name)), name);
        String upper = name.toUpperCase(java.util.Locale.ROOT);
        assertEquals(named(KB.lookup(upper)), named(kb.lookup(upper)), upper);
      }
      assertEquals(named(KB.entity(e.id())), named(kb.entity(e.id())), e.id());
    }
    same("entities", KB.entities(), kb.entities());
    same("sources", KB.sources(), kb.sources());
    for (Entity target : kb.entities()) {
      if (target instanceof Device || target instanceof Soc) {
        Soc expected = KB.socOf(KB.entity(target.id()));
        Soc actual = kb.socOf(target);
        assertEquals(expected.id() + expected.variant(), actual.id() + actual.variant());
      }
    }
    for (Soc soc : kb.socs().values()) {
      for (String platform : List.of("ios", "macos")) {
        assertEquals(
            KB.runsPlatform(soc, platform), kb.runsPlatform(soc, platform), soc.id() + platform);
      }
    }
  }

  /** Eight threads read every entity of the same fresh knowledge base at once. */
  @Test
  void threadsDecodingAtOnceGetTheSameObjects() throws Exception {
    KnowledgeBase kb = read();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<Entity>>> seen = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int offset = t;
        seen.add(
            pool.submit(
                () -> {
                  List<String> ids =
                      new ArrayList<>(KB.entities().stream().map(Entity::id).toList());
                  java.util.Collections.rotate(ids, offset * 37);
                  List<Entity> out = new ArrayList<>();
                  for (String id : ids) {
                    out.add(kb.entity(id));
                  }
                  out.sort(java.util.Comparator.comparing(Entity::kind).thenComparing(Entity::id));
                  return out;
                }));
      }
      List<Entity> first = seen.get(0).get();
      for (Future<List<Entity>> f : seen) {
        List<Entity> other = f.get();
        for (int i = 0; i < first.size(); i++) {
          assertSame(first.get(i), other.get(i));
        }
      }
      for (Entity e : first) {
        same(e.id(), KB.entity(e.id()), e);
      }
    } finally {
      pool.shutdown();
    }
  }
}
