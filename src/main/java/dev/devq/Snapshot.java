package dev.devq;

import dev.devq.kb.Deferred;
import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.KnowledgeBaseCodec;
import dev.devq.kb.RecordCodec;
import dev.devq.model.Model;
import dev.devq.query.check.Resolver;
import dev.devq.search.IndexFiles;
import dev.devq.search.SearchIndex;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The shipped profiles loaded, validated and indexed at build time ({@link SnapshotBuild}, a step
 * of the Maven build), stored in the jar as {@value #RESOURCE}: a start reads it in milliseconds
 * instead of parsing and checking every YAML file and indexing every entity.
 *
 * <p>It records a fingerprint of the profile files it was made from ({@link ProfileFingerprint}).
 * When the profiles on disk differ, or the snapshot is missing or was written by other code, {@link
 * #read} gives nothing and devq loads the YAML as before: a stale snapshot is never used.
 *
 * <p>A one-shot command can start reading it on a second thread as the process starts ({@link
 * #prefetch}), while the command line is parsed.
 */
record Snapshot(
    KnowledgeBase kb,
    Supplier<Map<String, Deferred<Model>>> models,
    Supplier<SearchIndex> index,
    Supplier<Map<String, String>> gluedNames) {
  static final String RESOURCE = "/dev/devq/kb.snapshot";

  /** The built models' file, beside {@value #RESOURCE}. */
  static final String MODELS_FILE = "kb.models";

  static final String MODELS = "/dev/devq/" + MODELS_FILE;
  private static final String MAGIC = "devq knowledge-base snapshot 7";
  private static final String MODELS_MAGIC = "devq built zoo models 2";

  /** The snapshot of a loaded knowledge base made from the profiles in {@code root}. */
  static byte[] bytes(Path root, KnowledgeBase kb) throws IOException {
    var buffer = new ByteArrayOutputStream();
    try (var out = new DataOutputStream(new BufferedOutputStream(buffer))) {
      utf(out, MAGIC);
      ProfileFingerprint.of(root).write(out);
      // the checker's table of glued names: made at every start, it held up the first query's
      // check by 10-25 ms; a block of its own, read when the checker first needs it
      Map<String, String> glued = new TreeMap<>(Resolver.gluedNames(kb));
      var table = new ByteArrayOutputStream();
      try (var tableOut = new DataOutputStream(table)) {
        tableOut.writeInt(glued.size());
        for (var name : glued.entrySet()) {
          utf(tableOut, name.getKey());
          utf(tableOut, name.getValue());
        }
      }
      out.writeInt(table.size());
      table.writeTo(out);
      // the index files first: Lucene can open them while the records after them are decoded
      Map<String, byte[]> files = IndexFiles.of(kb);
      out.writeInt(files.size());
      for (var file : files.entrySet()) {
        utf(out, file.getKey());
        out.writeInt(file.getValue().length);
        out.write(file.getValue());
      }
      byte[] stored = IndexFiles.storedTable(files);
      out.writeInt(stored.length);
      out.write(stored);
      KnowledgeBaseCodec.write(kb, out);
    }
    return buffer.toByteArray();
  }

  /**
   * The zoo models of the profiles in {@code root} as built with their default parameters, in a
   * file of their own ({@value #MODELS}): it is as large as the rest of the snapshot, and a start
   * that uses no model never reads it. Each model is read when first used.
   */
  static byte[] modelBytes(Path root, List<Model> models) throws IOException {
    var buffer = new ByteArrayOutputStream();
    try (var out = new DataOutputStream(new BufferedOutputStream(buffer))) {
      utf(out, MODELS_MAGIC);
      utf(out, ProfileFingerprint.of(root).text());
      Map<String, Deferred<Model>> built = new TreeMap<>();
      models.forEach(m -> built.put(m.id(), Deferred.of(m)));
      RecordCodec.write(built, out);
    }
    return buffer.toByteArray();
  }

  /**
   * A snapshot being read ahead by {@link #prefetch}, for the next {@link #shipped} of its root.
   */
  private record Prefetched(Path root, CompletableFuture<Snapshot> snapshot) {}

  private static final AtomicReference<Prefetched> PREFETCHED = new AtomicReference<>();

  /**
   * Starts reading the shipped snapshot of {@code root} on a daemon thread, and unless {@code
   * opened} is null, opening its search index after it and then giving it to {@code opened} (on the
   * same thread); the next {@link #shipped} of that root takes the result. A one-shot start has a
   * core idle while the command line is set up and parsed.
   *
   * @return the snapshot's built models (each still to be read), given as soon as its fingerprint
   *     matched, well before its records are decoded; null when it does not match or is unreadable
   */
  static CompletableFuture<Supplier<Map<String, Deferred<Model>>>> prefetch(
      Path root, Consumer<SearchIndex> opened) {
    boolean openIndex = opened != null;
    var future = new CompletableFuture<Snapshot>();
    var models = new CompletableFuture<Supplier<Map<String, Deferred<Model>>>>();
    PREFETCHED.set(new Prefetched(root, future));
    daemon(
        "devq-snapshot-reader",
        () -> {
          Snapshot s = null;
          try {
            s = read(root, openIndex, models::complete);
          } finally {
            models.complete(null); // no models ahead when the snapshot did not match
            future.complete(s); // null after a failure: the load reads the YAML, and reports it
          }
          if (s != null && openIndex) {
            opened.accept(s.index().get());
          }
        });
    return models;
  }

  /**
   * Runs {@code work} on a daemon thread, ahead of a one-shot command's own use of its result.
   * Nothing is reported from there: whatever fails is met again, and reported, by that use.
   */
  static void daemon(String name, Runnable work) {
    Thread thread =
        new Thread(
            () -> {
              try {
                work.run();
              } catch (RuntimeException | Error e) {
                // met again by the command's own use, on its thread
              }
            },
            name);
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Reads ahead, on the calling thread, each of the {@code models} of a {@link #prefetch} whose id
   * is one of {@code ids}: the model a one-shot query names is then decoded while the rest of the
   * snapshot is, not after it. Waits for the snapshot's fingerprint to be checked; does nothing
   * when the snapshot does not match.
   *
   * @return whether one of {@code ids} is a built model's
   */
  static boolean readModelsAhead(
      CompletableFuture<Supplier<Map<String, Deferred<Model>>>> models, Collection<String> ids) {
    Supplier<Map<String, Deferred<Model>>> built = ids.isEmpty() ? null : models.join();
    boolean any = false;
    for (String id : built == null ? List.<String>of() : ids) {
      Deferred<Model> model = built.get().get(id);
      if (model != null) {
        model.get(); // the Deferred keeps it for the engine, which asks the same supplier
        any = true;
      }
    }
    return any;
  }

  /** The shipped snapshot if it was made from the profiles now in {@code root}, else null. */
  static Snapshot shipped(Path root) {
    Prefetched ahead = PREFETCHED.getAndSet(null);
    if (ahead != null && ahead.root().equals(root)) {
      return ahead.snapshot().join();
    }
    return read(root, false, models -> {});
  }

  private static Snapshot read(
      Path root, boolean openIndex, Consumer<Supplier<Map<String, Deferred<Model>>>> matched) {
    ByteBuffer shipped = ShippedFile.read(RESOURCE);
    return shipped == null
        ? null
        : read(shipped, () -> ShippedFile.read(MODELS), root, openIndex, matched);
  }

  /** All of {@code stream}, or null when there is none or it cannot be read. */
  private static ByteBuffer bytes(InputStream stream) {
    if (stream == null) {
      return null;
    }
    try (stream) {
      return ByteBuffer.wrap(stream.readAllBytes());
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * The snapshot in {@code stream} if it was made from the profiles now in {@code root}, else null.
   * The built models come from {@code models} when first asked for; when they are missing or were
   * made from other profiles there are none, and each model is built from its profile instead.
   */
  static Snapshot read(InputStream stream, Supplier<InputStream> models, Path root) {
    ByteBuffer bytes = bytes(stream);
    return bytes == null ? null : read(bytes, () -> bytes(models.get()), root, false, m -> {});
  }

  /**
   * {@link #read(InputStream, Supplier, Path)} of bytes in memory, or mapped from the jar; with
   * {@code openIndex}, Lucene opens the index files on a thread of its own meanwhile. {@code
   * matched} is given the built models once the fingerprint matched.
   */
  private static Snapshot read(
      ByteBuffer in,
      Supplier<ByteBuffer> models,
      Path root,
      boolean openIndex,
      Consumer<Supplier<Map<String, Deferred<Model>>>> matched) {
    try {
      if (!utf(in).equals(MAGIC)) {
        return null;
      }
      ProfileFingerprint made = ProfileFingerprint.read(in);
      if (!made.matches(root)) {
        return null;
      }
      String fingerprint = made.text();
      Supplier<Map<String, Deferred<Model>>> built =
          Deferred.by(() -> models(models.get(), fingerprint));
      matched.accept(built);
      int tableLength = length(in);
      ByteBuffer table = in.slice(in.position(), tableLength);
      in.position(in.position() + tableLength);
      Map<String, byte[]> files = new TreeMap<>();
      int n = length(in);
      for (int i = 0; i < n; i++) {
        String name = utf(in);
        byte[] bytes = new byte[length(in)];
        in.get(bytes);
        files.put(name, bytes);
      }
      int storedLength = length(in);
      ByteBuffer stored = in.slice(in.position(), storedLength);
      in.position(in.position() + storedLength);
      IndexFiles.Opening index = IndexFiles.opening(files, stored);
      if (openIndex) {
        daemon("devq-index-reader", index::readFiles);
      }
      KnowledgeBase kb = KnowledgeBaseCodec.read(in);
      // each asking reads its own copy of the position
      return new Snapshot(kb, built, index.index(kb), () -> gluedNames(table.duplicate(), kb));
    } catch (IOException | RuntimeException e) {
      // written by other code, truncated or unreadable: the YAML is the truth, load it instead
      return null;
    }
  }

  @SuppressWarnings("unchecked") // what modelBytes wrote, or an IOException
  private static Map<String, Deferred<Model>> models(ByteBuffer in, String fingerprint) {
    if (in == null) {
      return Map.of();
    }
    try {
      if (!utf(in).equals(MODELS_MAGIC) || !utf(in).equals(fingerprint)) {
        return Map.of();
      }
      return RecordCodec.read(Map.class, in);
    } catch (IOException | RuntimeException e) {
      return Map.of(); // built from the profiles instead, as without a snapshot
    }
  }

  /**
   * The table of glued names {@link #bytes} wrote in {@code table}; made from {@code kb} instead if
   * it cannot be read, as without a snapshot.
   */
  private static Map<String, String> gluedNames(ByteBuffer table, KnowledgeBase kb) {
    try {
      int n = table.getInt();
      Map<String, String> names = new HashMap<>(n * 2);
      for (int i = 0; i < n; i++) {
        names.put(utf(table), utf(table));
      }
      return Collections.unmodifiableMap(names);
    } catch (IOException | RuntimeException e) {
      return Resolver.gluedNames(kb);
    }
  }

  /** A count or length read from the snapshot, never more than the bytes left. */
  private static int length(ByteBuffer in) throws IOException {
    int n = in.getInt();
    if (n < 0 || n > in.remaining()) {
      throw new IOException("not a snapshot");
    }
    return n;
  }

  private static void utf(DataOutputStream out, String s) throws IOException {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String utf(ByteBuffer in) throws IOException {
    byte[] bytes = new byte[length(in)];
    in.get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
