package dev.devq.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.store.OutputStreamDataOutput;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.fst.BytesRefFSTEnum;
import org.junit.jupiter.api.Test;

/** The synonyms the build ships read back as the map compiled from the groups. */
class SynonymsTest {
  @Test
  void theShippedMapIsTheCompiledOne() throws IOException {
    SynonymMap built = Synonyms.build();
    try (InputStream in = Synonyms.class.getResourceAsStream(Synonyms.RESOURCE)) {
      assertNotNull(in, Synonyms.RESOURCE + " is written by the build");
      assertSame(built, Synonyms.read(in));
    }
    assertSame(built, Synonyms.read(new ByteArrayInputStream(Synonyms.prebuilt())));
    assertSame(built, Synonyms.map());
  }

  @Test
  void aMapMadeFromOtherGroupsIsNotRead() throws IOException {
    byte[] bytes = Synonyms.prebuilt();
    bytes[3] ^= 1; // the fingerprint of the groups comes first
    assertNull(Synonyms.read(new ByteArrayInputStream(bytes)));
  }

  private static void assertSame(SynonymMap expected, SynonymMap actual) throws IOException {
    assertNotNull(actual);
    assertEquals(expected.maxHorizontalContext, actual.maxHorizontalContext);
    assertEquals(words(expected), words(actual));
    assertEquals(entries(expected), entries(actual));
    assertArrayEquals(fst(expected), fst(actual));
  }

  private static List<String> words(SynonymMap map) {
    List<String> out = new ArrayList<>();
    var word = new BytesRef();
    for (int ord = 0; ord < map.words.size(); ord++) {
      out.add(map.words.get(ord, word).utf8ToString());
    }
    return out;
  }

  private static List<String> entries(SynonymMap map) throws IOException {
    List<String> out = new ArrayList<>();
    var e = new BytesRefFSTEnum<>(map.fst);
    for (var i = e.next(); i != null; i = e.next()) {
      out.add(i.input.utf8ToString() + " -> " + i.output);
    }
    return out;
  }

  private static byte[] fst(SynonymMap map) throws IOException {
    var bytes = new ByteArrayOutputStream();
    var out = new OutputStreamDataOutput(bytes);
    map.fst.save(out, out);
    return bytes.toByteArray();
  }
}
