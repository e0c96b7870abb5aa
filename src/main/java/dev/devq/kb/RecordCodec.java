package dev.devq.kb;

import dev.devq.lang.SourceText;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * Writes a graph of records to bytes and reads it back, generically: every record is written
 * component by component (whatever its components are) and rebuilt through its canonical
 * constructor, so a field added to a profile record travels without code here. The knowledge-base
 * snapshot is made with it.
 *
 * <p>Besides records it carries what records hold: strings, boxed primitives, enums, lists, sets,
 * maps (in their iteration order; sorted ones sorted again), {@link Optional}, {@code int[]} and
 * {@link SourceText}, and {@link Deferred} values, which are read only when first used. Anything
 * else is refused with the path to it, at write time: a field of a new kind fails the build rather
 * than vanishing from the snapshot. Objects reached twice (the source text every origin of a file
 * shares) are written once and shared again when read.
 *
 * <p>A deferred value is written as a block of bytes with its length, so a reader can step over it.
 * Inside, it may refer to what was written before it, but nothing after it refers into it: its
 * objects are numbered in a copy of the writer's tables, which are thrown away after the block.
 */
public final class RecordCodec {
  static final int NULL = 0;
  static final int REF = 1;
  static final int STRING = 2;
  static final int INT = 3;
  static final int LONG = 4;
  static final int DOUBLE = 5;
  static final int BOOLEAN = 6;
  static final int ENUM = 7;
  static final int RECORD = 8;
  static final int LIST = 9;
  static final int MAP = 10;
  static final int SORTED_MAP = 11;
  static final int SET = 12;
  static final int SORTED_SET = 13;
  static final int OPTIONAL = 14;
  static final int SOURCE = 15;
  static final int INT_ARRAY = 16;
  static final int DEFERRED = 17;

  private RecordCodec() {}

  /**
   * Writes {@code root} and everything it reaches. Every class and every source text is written
   * once, up front (a first pass finds them), so that deferred blocks refer to them by number:
   * otherwise each block would declare again, and the reader check again, every class it holds, and
   * each entity of a profile file would carry its own copy of the file's text.
   */
  public static void write(Object root, DataOutputStream out) throws IOException {
    var used = new Used();
    new Writer(new DataOutputStream(OutputStream.nullOutputStream()), used).value(root, "root");
    var writer = new Writer(out, new Used());
    out.writeInt(used.classes.size());
    for (Class<?> c : used.classes) {
      writer.type(c);
    }
    out.writeInt(used.texts.size());
    for (SourceText text : used.texts) {
      writer.value(text, "source " + text.name());
    }
    writer.value(root, "root");
  }

  /** The classes and source texts a write reaches, deferred blocks included, in order. */
  private static final class Used {
    final Set<Class<?>> classes = new LinkedHashSet<>();
    final List<SourceText> texts = new java.util.ArrayList<>();
    final Set<SourceText> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    void text(SourceText text) {
      if (seen.add(text)) {
        texts.add(text);
      }
    }
  }

  /**
   * Reads what {@link #write} wrote, from the buffer's position on (a buffer: a stream's reads are
   * synchronized calls, and there are a few hundred thousand of them).
   */
  public static <T> T read(Class<T> type, ByteBuffer in) throws IOException {
    try {
      return type.cast(RecordReader.of(in).value());
    } catch (BufferUnderflowException | IndexOutOfBoundsException | ClassCastException e) {
      throw new IOException("not a snapshot of these records", e);
    }
  }

  /** What cannot be written, with the path to it ({@code root.socs[3].ane.peak}). */
  public static final class UnsupportedException extends IOException {
    UnsupportedException(String message) {
      super(message);
    }
  }

  private static final class Writer {
    private final DataOutputStream out;
    private final Map<Object, Integer> shared;
    private final Map<String, Integer> strings;
    private final Map<Class<?>, Integer> classes;

    /** Every class and source text written, deferred blocks included. */
    private final Used used;

    private int objects;

    Writer(DataOutputStream out, Used used) {
      this(out, new IdentityHashMap<>(), new HashMap<>(), new HashMap<>(), used, 0);
    }

    private Writer(
        DataOutputStream out,
        Map<Object, Integer> shared,
        Map<String, Integer> strings,
        Map<Class<?>, Integer> classes,
        Used used,
        int objects) {
      this.out = out;
      this.shared = shared;
      this.strings = strings;
      this.classes = classes;
      this.used = used;
      this.objects = objects;
    }

    /** A deferred value as a block of its own, numbered in copies of this writer's tables. */
    private void deferred(Deferred<?> d, String path) throws IOException {
      var block = new java.io.ByteArrayOutputStream();
      var inner =
          new Writer(
              new DataOutputStream(block),
              new IdentityHashMap<>(shared),
              new HashMap<>(strings),
              new HashMap<>(classes),
              used,
              objects);
      inner.value(d.get(), path + ".get");
      inner.out.flush();
      out.writeByte(DEFERRED);
      out.writeInt(block.size());
      block.writeTo(out);
    }

    void value(Object v, String path) throws IOException {
      if (v == null) {
        out.writeByte(NULL);
        return;
      }
      Integer seen = v instanceof String s ? strings.get(s) : shared.get(v);
      if (seen != null) {
        out.writeByte(REF);
        out.writeInt(seen);
        return;
      }
      if (v instanceof Integer i) {
        out.writeByte(INT);
        out.writeInt(i);
        return;
      } else if (v instanceof Long l) {
        out.writeByte(LONG);
        out.writeLong(l);
        return;
      } else if (v instanceof Double d) {
        out.writeByte(DOUBLE);
        out.writeDouble(d);
        return;
      } else if (v instanceof Boolean b) {
        out.writeByte(BOOLEAN);
        out.writeBoolean(b);
        return;
      } else if (v instanceof Enum<?> e) {
        out.writeByte(ENUM);
        type(e.getDeclaringClass());
        out.writeInt(e.ordinal());
        return;
      } else if (v instanceof Deferred<?> d) {
        deferred(d, path);
        return;
      }
      composite(v, path);
      if (v instanceof String s) {
        strings.put(s, objects++);
      } else {
        shared.put(v, objects++);
      }
    }

    /** Values numbered after they are written, in the order the reader finishes them. */
    private void composite(Object v, String path) throws IOException {
      if (v instanceof String s) {
        out.writeByte(STRING);
        text(s);
      } else if (v instanceof Record r) {
        out.writeByte(RECORD);
        type(r.getClass());
        for (RecordComponent c : r.getClass().getRecordComponents()) {
          value(component(r, c), path + "." + c.getName());
        }
      } else if (v instanceof SortedMap<?, ?> m) {
        natural(m.comparator(), path);
        out.writeByte(SORTED_MAP);
        entries(m, path);
      } else if (v instanceof Map<?, ?> m) {
        out.writeByte(MAP);
        entries(m, path);
      } else if (v instanceof SortedSet<?> s) {
        natural(s.comparator(), path);
        out.writeByte(SORTED_SET);
        items(s, path);
      } else if (v instanceof Set<?> s) {
        out.writeByte(SET);
        items(s, path);
      } else if (v instanceof List<?> l) {
        out.writeByte(LIST);
        items(l, path);
      } else if (v instanceof Optional<?> o) {
        out.writeByte(OPTIONAL);
        value(o.orElse(null), path + ".get");
      } else if (v instanceof SourceText s) {
        used.text(s);
        out.writeByte(SOURCE);
        value(s.name(), path + ".name");
        value(s.text(), path + ".text");
        out.writeInt(s.line(0));
      } else if (v instanceof int[] a) {
        out.writeByte(INT_ARRAY);
        out.writeInt(a.length);
        for (int i : a) {
          out.writeInt(i);
        }
      } else {
        throw new UnsupportedException(
            "cannot carry " + v.getClass().getName() + " at " + path + " in the snapshot");
      }
    }

    private void entries(Map<?, ?> m, String path) throws IOException {
      out.writeInt(m.size());
      for (Map.Entry<?, ?> e : m.entrySet()) {
        value(e.getKey(), path + ".key");
        value(e.getValue(), path + "[" + e.getKey() + "]");
      }
    }

    private void items(java.util.Collection<?> c, String path) throws IOException {
      out.writeInt(c.size());
      int i = 0;
      for (Object item : c) {
        value(item, path + "[" + i++ + "]");
      }
    }

    private static void natural(java.util.Comparator<?> comparator, String path)
        throws UnsupportedException {
      if (comparator != null) {
        throw new UnsupportedException("cannot carry a comparator at " + path + " in the snapshot");
      }
    }

    private void type(Class<?> c) throws IOException {
      used.classes.add(c);
      Integer known = classes.get(c);
      if (known != null) {
        out.writeInt(known);
        return;
      }
      out.writeInt(-1);
      text(c.getName());
      text(shape(c));
      classes.put(c, classes.size());
    }

    private void text(String s) throws IOException {
      byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
      out.writeInt(bytes.length);
      out.write(bytes);
    }

    private static Object component(Record r, RecordComponent c) throws IOException {
      try {
        var accessor = c.getAccessor();
        accessor.setAccessible(true);
        return accessor.invoke(r);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IOException("cannot read " + c.getName() + " of " + r.getClass().getName(), e);
      }
    }
  }

  /**
   * A record's components with their types, or an enum's constants: bytes written by an older shape
   * of a class must never be read into the new one (they would silently misalign).
   */
  static String shape(Class<?> c) {
    var out = new StringBuilder();
    if (c.isRecord()) {
      for (RecordComponent rc : c.getRecordComponents()) {
        out.append(rc.getGenericType().getTypeName()).append(' ').append(rc.getName()).append(';');
      }
    } else if (c.isEnum()) {
      for (Object e : c.getEnumConstants()) {
        out.append(e).append(';');
      }
    }
    return out.toString();
  }
}
