package dev.devq.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.devq.DevqAssertions;
import dev.devq.kb.KnowledgeBase;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.junit.jupiter.api.Test;

/**
 * The prebuilt index files read in place give Lucene the index they were written from: every file
 * byte for byte, every document, and the same searches as an index built afresh; it refuses to be
 * written to and names a missing file.
 */
class ShippedDirectoryTest {
  private static final KnowledgeBase KB = DevqAssertions.kb();

  @Test
  void readsEveryFileAsWritten() throws IOException {
    Map<String, byte[]> files = IndexFiles.of(KB);
    try (var directory = new ShippedDirectory(files)) {
      assertArrayEquals(files.keySet().toArray(String[]::new), directory.listAll());
      for (var file : files.entrySet()) {
        assertEquals(file.getValue().length, directory.fileLength(file.getKey()));
        try (IndexInput in = directory.openInput(file.getKey(), IOContext.READONCE)) {
          byte[] read = new byte[Math.toIntExact(in.length())];
          in.readBytes(read, 0, read.length);
          assertArrayEquals(file.getValue(), read, file.getKey());
        }
      }
      try (var reader = DirectoryReader.open(directory)) {
        assertEquals(KB.entities().size(), reader.numDocs());
      }
    }
  }

  @Test
  void searchesAsAnIndexBuiltAfresh() {
    SearchIndex built = SearchIndex.build(KB);
    SearchIndex shipped = IndexFiles.opening(IndexFiles.of(KB)).index(KB).get();
    for (String query :
        List.of("layer norm", "sdpa", "iphone 15", "layrnorm", "category:activation")) {
      assertEquals(built.search(query, List.of(), 10), shipped.search(query, List.of(), 10), query);
    }
  }

  /**
   * As a one-shot search opens it: another thread opens the reader and then reads each document's
   * id and kind, while the query side is made (its analysis run once while the reader opens) and
   * the first searches run, which ask for those ids only after searching.
   */
  @Test
  void searchesAsAnIndexBuiltAfreshWhileAnotherThreadOpensIt() throws InterruptedException {
    SearchIndex built = SearchIndex.build(KB);
    List<String> queries =
        List.of("layer norm", "sdpa", "iphone 15", "layrnorm", "category:activation", "a17 pro");
    for (int round = 0; round < 5; round++) {
      IndexFiles.Opening opening = IndexFiles.opening(IndexFiles.of(KB));
      Thread reading = new Thread(opening::readFiles);
      reading.start();
      SearchIndex shipped = opening.index(KB).get();
      for (String query : queries) {
        assertEquals(built.bestKind(query), shipped.bestKind(query), query);
        assertEquals(
            built.search(query, List.of(), 10), shipped.search(query, List.of(), 10), query);
      }
      reading.join();
    }
  }

  /**
   * The build's table of each document's id and kind holds what the stored fields hold, and an
   * index opened with it searches as one built afresh; a table of another length than the index
   * (one document), or one that cannot be read, is not used.
   */
  @Test
  void theStoredTableNamesEveryDocumentAsTheStoredFields() throws IOException {
    Map<String, byte[]> files = IndexFiles.of(KB);
    OpenIndex.Stored fields;
    try (var reader = DirectoryReader.open(new ShippedDirectory(files))) {
      fields = OpenIndex.stored(reader);
    }
    ByteBuffer table = ByteBuffer.wrap(IndexFiles.storedTable(files));
    OpenIndex.Stored read = IndexFiles.stored(table.duplicate());
    assertArrayEquals(fields.ids(), read.ids());
    assertArrayEquals(fields.kinds(), read.kinds());
    assertNull(IndexFiles.stored(ByteBuffer.wrap(new byte[] {0x7f, (byte) 0xff, (byte) 0xff, 0})));
    // the table is what names the hits: a table that renames one document shows in the hits
    String[] renamed = read.ids().clone();
    int layerNorm = java.util.Arrays.asList(renamed).indexOf("layer_norm");
    renamed[layerNorm] = "layer_norm_as_the_table_names_it";
    var renaming = new ByteArrayOutputStream();
    try (var out = new DataOutputStream(renaming)) {
      out.writeInt(renamed.length);
      for (int doc = 0; doc < renamed.length; doc++) {
        out.writeUTF(renamed[doc]);
        out.writeUTF(read.kinds()[doc]);
      }
    }
    IndexFiles.Opening renamedOpening =
        IndexFiles.opening(files, ByteBuffer.wrap(renaming.toByteArray()));
    renamedOpening.readFiles();
    assertEquals(
        "layer_norm_as_the_table_names_it",
        renamedOpening.index(KB).get().search("layer norm", List.of(), 1).get(0).id());
    var oneDocument = new ByteArrayOutputStream();
    try (var out = new DataOutputStream(oneDocument)) {
      out.writeInt(1);
      out.writeUTF("layer_norm");
      out.writeUTF("op");
    }
    SearchIndex built = SearchIndex.build(KB);
    for (ByteBuffer t :
        List.of(
            table,
            ByteBuffer.wrap(oneDocument.toByteArray()),
            ByteBuffer.wrap(new byte[] {0, 0, 0, 9, 0}),
            // a damaged count far past what the bytes can hold: refused before allocating
            ByteBuffer.wrap(new byte[] {0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0, 0}))) {
      IndexFiles.Opening opening = IndexFiles.opening(files, t);
      Thread reading = new Thread(opening::readFiles);
      reading.start();
      SearchIndex shipped = opening.index(KB).get();
      for (String query : List.of("layer norm", "iphone 15", "a17 pro", "category:activation")) {
        assertEquals(
            built.search(query, List.of(), 10), shipped.search(query, List.of(), 10), query);
      }
      try {
        reading.join();
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
  }

  @Test
  void isReadOnlyAndNamesAMissingFile() throws IOException {
    try (var directory = new ShippedDirectory(IndexFiles.of(KB))) {
      var missing =
          assertThrows(
              FileNotFoundException.class, () -> directory.openInput("_9.cfs", IOContext.DEFAULT));
      assertEquals("_9.cfs", missing.getMessage());
      assertThrows(
          UnsupportedOperationException.class,
          () -> directory.createOutput("_9.cfs", IOContext.DEFAULT));
      assertThrows(UnsupportedOperationException.class, () -> directory.deleteFile("segments_1"));
    }
  }
}
