package dev.devq.search;

import dev.devq.kb.Deferred;
import dev.devq.kb.KnowledgeBase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;

/**
 * The search index as files: built once by the build, stored in the knowledge-base snapshot, and
 * opened at run time without indexing anything again, each file read in place ({@link
 * ShippedDirectory}).
 */
public final class IndexFiles {
  private IndexFiles() {}

  /** The index files of a knowledge base, by name. */
  public static Map<String, byte[]> of(KnowledgeBase kb) {
    var directory = new ByteBuffersDirectory();
    SearchIndex.write(kb, directory);
    Map<String, byte[]> out = new TreeMap<>();
    try {
      for (String name : directory.listAll()) {
        try (IndexInput in = directory.openInput(name, IOContext.READONCE)) {
          byte[] bytes = new byte[Math.toIntExact(in.length())];
          in.readBytes(bytes, 0, bytes.length);
          out.put(name, bytes);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * Each document's id and kind in the index of {@code files} (what {@link #of} made), by document
   * number, as bytes for {@link #opening(Map, ByteBuffer)}: read from its stored fields once, at
   * build time, rather than at every start (decompressing them cold took a one-shot search ~25 ms
   * of CPU).
   */
  public static byte[] storedTable(Map<String, byte[]> files) {
    var bytes = new ByteArrayOutputStream();
    try (var reader = DirectoryReader.open(new ShippedDirectory(files));
        var out = new DataOutputStream(bytes)) {
      OpenIndex.Stored stored = OpenIndex.stored(reader);
      out.writeInt(stored.ids().length);
      for (int doc = 0; doc < stored.ids().length; doc++) {
        out.writeUTF(stored.ids()[doc]);
        out.writeUTF(stored.kinds()[doc]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** What {@link #storedTable} wrote, or null when it cannot be read. */
  static OpenIndex.Stored stored(ByteBuffer table) {
    byte[] bytes = new byte[table.remaining()];
    table.duplicate().get(bytes);
    try (var in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      int n = in.readInt();
      if (n < 0 || n > bytes.length / 4) {
        return null; // two strings of at least two bytes each per document: a damaged count
      }
      var ids = new String[n];
      var kinds = new String[n];
      for (int doc = 0; doc < n; doc++) {
        ids[doc] = in.readUTF();
        kinds[doc] = in.readUTF();
      }
      return new OpenIndex.Stored(ids, kinds);
    } catch (IOException | RuntimeException e) {
      return null; // read from the stored fields instead
    }
  }

  /**
   * The index that {@link #of} made, opened in two steps: Lucene's reader from the files alone,
   * which can run on a thread of its own while the knowledge base is still being read ({@link
   * Opening#readFiles}), then the index over it once the knowledge base is there ({@link
   * Opening#index}). Each document's id and kind are read from the stored fields.
   */
  public static Opening opening(Map<String, byte[]> files) {
    return new Opening(files, null);
  }

  /**
   * {@link #opening(Map)} with each document's id and kind from {@code storedTable} ({@link
   * #storedTable} of the same files), read when the index is opened, instead of the stored fields;
   * a table that cannot be read, or of another length than the index, is not used.
   */
  public static Opening opening(Map<String, byte[]> files, ByteBuffer storedTable) {
    return new Opening(files, storedTable);
  }

  /** An index being opened from its files ({@link #opening}). */
  public static final class Opening {
    private final Deferred<DirectoryReader> reader;
    private final Deferred<OpenIndex.Stored> stored;

    /** Whether {@link #readFiles} is opening the reader on a thread of its own, and is done. */
    private volatile boolean readingAhead;

    private volatile boolean opened;

    private Opening(Map<String, byte[]> files, ByteBuffer storedTable) {
      this.reader =
          Deferred.by(
              () -> {
                LuceneStart.prepare(); // or waits for the thread that runs it
                try {
                  return DirectoryReader.open(new ShippedDirectory(files));
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      this.stored =
          Deferred.by(
              () -> {
                OpenIndex.Stored table = storedTable == null ? null : stored(storedTable);
                return table != null && table.ids().length == reader.get().maxDoc()
                    ? table
                    : OpenIndex.stored(reader.get());
              });
    }

    /**
     * Opens Lucene's reader now, on the calling thread, then reads each document's id and kind from
     * it (unless a table gave them); a later {@link #index} waits for the reader only, so a
     * one-shot search runs its first ranked search (which needs no stored field) meanwhile.
     */
    public void readFiles() {
      readingAhead = true;
      reader.get();
      opened = true;
      stored.get();
    }

    /**
     * The index of {@code kb}, made on first use, over the reader of the files. Its query side (the
     * synonyms' automaton, the vocabulary of names) is made first, so a one-shot search makes it
     * while Lucene's reader is still opening on its own thread, not after; and if the reader is
     * still opening then, its analysis is run once there too ({@link SearchIndex#open}).
     */
    public Supplier<SearchIndex> index(KnowledgeBase kb) {
      return SearchIndex.lazy(
          () -> {
            Synonyms.map();
            return SearchIndex.open(kb, reader, stored, () -> readingAhead && !opened);
          });
    }
  }
}
