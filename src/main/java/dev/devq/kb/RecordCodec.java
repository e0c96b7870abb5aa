package dev.devq.kb;

import dev.devq.lang.SourceText;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes a graph of records to bytes and reads it back, generically: every record is written
 * component by component (whatever its components are) and rebuilt through its canonical
 * constructor, so a field added to a profile record travels without code here. The knowledge-base
 * snapshot is made with it.
 *
 * <p>Besides records it carries what records hold: strings, boxed primitives, enums, lists, sets,
 * maps (in their iteration order; sorted ones sorted again), {@link Optional}, {@code int[]} and
 * {@link SourceText}. Anything else is refused with the path to it, at write time: a field of a new
 * kind fails the build rather than vanishing from the snapshot. Objects reached twice (the source
 * text every origin of a file shares) are written once and shared again when read.
 */
public final class RecordCodec {
  private static final int NULL = 0;
  private static final int REF = 1;
  private static final int STRING = 2;
  private static final int INT = 3;
  private static final int LONG = 4;
  private static final int DOUBLE = 5;
  private static final int BOOLEAN = 6;
  private static final int ENUM = 7;
  private static final int RECORD = 8;
  private static final int LIST = 9;
  private static final int MAP = 10;
  private static final int SORTED_MAP = 11;
  private static final int SET = 12;
  private static final int SORTED_SET = 13;
  private static final int OPTIONAL = 14;
  private static final int SOURCE = 15;
  private static final int INT_ARRAY = 16;

  private RecordCodec() {}

  /** Writes {@code root} and everything it reaches. */
  public static void write(Object root, DataOutputStream out) throws IOException {
    new Writer(out).value(root, "root");
  }

  /**
   * Reads what {@link #write} wrote, from the buffer's position on (a buffer: a stream's reads are
   * synchronized calls, and there are a few hundred thousand of them).
   */
  public static <T> T read(Class<T> type, ByteBuffer in) throws IOException {
    try {
      return type.cast(new Reader(in).value());
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
    private final Map<Object, Integer> shared = new IdentityHashMap<>();
    private final Map<String, Integer> strings = new HashMap<>();
    private final Map<Class<?>, Integer> classes = new HashMap<>();
    private int objects;

    Writer(DataOutputStream out) {
      this.out = out;
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
  private static String shape(Class<?> c) {
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

  private static final class Reader {
    private final ByteBuffer in;
    private final List<Object> objects = new ArrayList<>();
    private final List<Class<?>> classes = new ArrayList<>();
    private final Map<Class<?>, Constructor<?>> constructors = new HashMap<>();

    Reader(ByteBuffer in) {
      this.in = in;
    }

    Object value() throws IOException {
      int tag = in.get();
      switch (tag) {
        case NULL:
          return null;
        case REF:
          return objects.get(in.getInt());
        case INT:
          return in.getInt();
        case LONG:
          return in.getLong();
        case DOUBLE:
          return in.getDouble();
        case BOOLEAN:
          return (in.get() != 0);
        case ENUM:
          return type().getEnumConstants()[in.getInt()];
        default:
          Object v = composite(tag);
          objects.add(v);
          return v;
      }
    }

    private Object composite(int tag) throws IOException {
      switch (tag) {
        case STRING:
          return text();
        case RECORD:
          return record(type());
        case MAP:
          return Collections.unmodifiableMap(entries(new LinkedHashMap<>()));
        case SORTED_MAP:
          return Collections.unmodifiableSortedMap(entries(new TreeMap<>()));
        case SET:
          return Collections.unmodifiableSet(items(new LinkedHashSet<>()));
        case SORTED_SET:
          return Collections.unmodifiableSortedSet(items(new TreeSet<>()));
        case LIST:
          return Collections.unmodifiableList(items(new ArrayList<>()));
        case OPTIONAL:
          return Optional.ofNullable(value());
        case SOURCE:
          return new SourceText((String) value(), (String) value(), in.getInt());
        case INT_ARRAY:
          int[] a = new int[length()];
          for (int i = 0; i < a.length; i++) {
            a[i] = in.getInt();
          }
          return a;
        default:
          throw new IOException("not a snapshot: unknown tag " + tag);
      }
    }

    private Object record(Class<?> type) throws IOException {
      Constructor<?> constructor = constructors.get(type);
      if (constructor == null) {
        constructor = canonical(type);
        constructors.put(type, constructor);
      }
      Object[] args = new Object[constructor.getParameterCount()];
      for (int i = 0; i < args.length; i++) {
        args[i] = value();
      }
      try {
        return constructor.newInstance(args);
      } catch (ReflectiveOperationException | IllegalArgumentException e) {
        throw new IOException("cannot rebuild " + type.getName() + " from the snapshot", e);
      }
    }

    private static Constructor<?> canonical(Class<?> type) throws IOException {
      RecordComponent[] components = type.getRecordComponents();
      if (components == null) {
        throw new IOException(type.getName() + " is no longer a record");
      }
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < types.length; i++) {
        types[i] = components[i].getType();
      }
      try {
        Constructor<?> c = type.getDeclaredConstructor(types);
        c.setAccessible(true);
        return c;
      } catch (NoSuchMethodException e) {
        throw new IOException("no canonical constructor in " + type.getName(), e);
      }
    }

    @SuppressWarnings("unchecked")
    private <M extends Map<Object, Object>> M entries(M map) throws IOException {
      int n = length();
      for (int i = 0; i < n; i++) {
        map.put(value(), value());
      }
      return map;
    }

    private <C extends java.util.Collection<Object>> C items(C c) throws IOException {
      int n = length();
      for (int i = 0; i < n; i++) {
        c.add(value());
      }
      return c;
    }

    private Class<?> type() throws IOException {
      int index = in.getInt();
      if (index >= 0) {
        return classes.get(index);
      }
      String name = text();
      String shape = text();
      try {
        Class<?> c = Class.forName(name, false, RecordCodec.class.getClassLoader());
        if (!shape(c).equals(shape)) {
          throw new IOException("the snapshot was made with another shape of " + name);
        }
        classes.add(c);
        return c;
      } catch (ClassNotFoundException e) {
        throw new IOException("the snapshot names a class that is gone: " + name, e);
      }
    }

    /** A count or length, which can never exceed the bytes left (every item takes one or more). */
    private int length() throws IOException {
      int n = in.getInt();
      if (n < 0 || n > in.remaining()) {
        throw new IOException(
            "not a snapshot: a length of " + n + " with " + in.remaining() + " bytes left");
      }
      return n;
    }

    private String text() throws IOException {
      int length = length();
      String s =
          new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
      in.position(in.position() + length);
      return s;
    }
  }
}
