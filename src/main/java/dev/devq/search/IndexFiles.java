package dev.devq.search;

import dev.devq.kb.Deferred;
import dev.devq.kb.KnowledgeBase;
import java.io.IOException;
import java.io.UncheckedIOException;
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
   * The index that {@link #of} made, opened in two steps: Lucene's reader from the files alone,
   * which can run on a thread of its own while the knowledge base is still being read ({@link
   * Opening#readFiles}), then the index over it once the knowledge base is there ({@link
   * Opening#index}).
   */
  public static Opening opening(Map<String, byte[]> files) {
    return new Opening(
        Deferred.by(
            () -> {
              LuceneStart.prepare(); // or waits for the thread that runs it
              try {
                return DirectoryReader.open(new ShippedDirectory(files));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            }));
  }

  /** An index being opened from its files ({@link #opening}). */
  public static final class Opening {
    private final Deferred<DirectoryReader> reader;
    private final Deferred<OpenIndex.Stored> stored;

    /** Whether {@link #readFiles} is opening the reader on a thread of its own, and is done. */
    private volatile boolean readingAhead;

    private volatile boolean opened;

    private Opening(Deferred<DirectoryReader> reader) {
      this.reader = reader;
      this.stored = Deferred.by(() -> OpenIndex.stored(reader.get()));
    }

    /**
     * Opens Lucene's reader now, on the calling thread, then reads each document's id and kind from
     * it; a later {@link #index} waits for the reader only, so a one-shot search runs its first
     * ranked search (which needs no stored field) while this thread reads them.
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
