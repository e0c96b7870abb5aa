package dev.devq.kb;

import static dev.devq.kb.RecordCodec.*;

import dev.devq.lang.SourceText;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Reads back what {@link RecordCodec} wrote: records through their canonical constructors, a
 * deferred value's block when it is first used, by a reader of its own that sees what was read
 * before the block.
 */
final class RecordReader {
  private final ByteBuffer in;
  private final List<Object> objects;
  private final List<Class<?>> classes;

  /** Shared with the readers of deferred blocks, which may run on several threads at once. */
  private final Map<Class<?>, Constructor<?>> constructors;

  private RecordReader(
      ByteBuffer in,
      List<Object> objects,
      List<Class<?>> classes,
      Map<Class<?>, Constructor<?>> constructors) {
    this.in = in;
    this.objects = objects;
    this.classes = classes;
    this.constructors = constructors;
  }

  /**
   * A reader of what {@link RecordCodec#write} wrote, past the classes (each checked) and the
   * source texts it declares first.
   */
  static RecordReader of(ByteBuffer in) throws IOException {
    var reader =
        new RecordReader(in, new ArrayList<>(), new ArrayList<>(), new ConcurrentHashMap<>());
    int classes = reader.length();
    for (int i = 0; i < classes; i++) {
      reader.type();
    }
    int texts = reader.length();
    for (int i = 0; i < texts; i++) {
      if (!(reader.value() instanceof SourceText)) {
        throw new IOException("not a snapshot: a source text expected");
      }
    }
    return reader;
  }

  Object value() throws IOException {
    int tag = in.get();
    switch (tag) {
      case NULL:
        return null;
      case REF:
        Object seen = objects.get(in.getInt());
        return seen instanceof LazyText text ? text.get() : seen;
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
      case DEFERRED:
        return deferred();
      default:
        Object v = composite(tag);
        objects.add(v);
        return v;
    }
  }

  /**
   * Steps over a deferred block and reads it on first use. The bytes are the build's own and their
   * classes were checked at the start; a block that still fails to read is a broken jar.
   */
  private Deferred<Object> deferred() throws IOException {
    int length = length();
    ByteBuffer block = in.duplicate().limit(in.position() + length);
    in.position(in.position() + length);
    int before = objects.size();
    int known = classes.size();
    return Deferred.by(
        () -> {
          // the whole snapshot has been read by now: these lists no longer change
          var seen = new ArrayList<>(objects.subList(0, before));
          var types = new ArrayList<>(classes.subList(0, known));
          try {
            return new RecordReader(block.duplicate(), seen, types, constructors).value();
          } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("the knowledge-base snapshot is damaged: " + e, e);
          }
        });
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
        return new SourceText((String) value(), lazyText(), in.getInt());
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

  /**
   * A source text's text, decoded when first asked for: the snapshot's profile files are most of
   * its strings, and a start reads few of them. Numbered as the string it stands for.
   */
  private Supplier<String> lazyText() throws IOException {
    int tag = in.get();
    if (tag == REF) {
      Object seen = objects.get(in.getInt());
      return seen instanceof LazyText text ? text : () -> (String) seen;
    }
    if (tag != STRING) {
      throw new IOException("not a snapshot: a text expected");
    }
    int length = length();
    var text = new LazyText(in.slice(in.position(), length));
    in.position(in.position() + length);
    objects.add(text);
    return text;
  }

  /** UTF-8 bytes of the snapshot, decoded once when first asked for. */
  private static final class LazyText implements Supplier<String> {
    private final ByteBuffer bytes;
    private volatile String text;

    LazyText(ByteBuffer bytes) {
      this.bytes = bytes;
    }

    @Override
    public String get() {
      String t = text;
      if (t == null) {
        byte[] copy = new byte[bytes.remaining()];
        bytes.duplicate().get(copy); // a copy of the position: threads racing decode alike
        t = new String(copy, StandardCharsets.UTF_8);
        text = t;
      }
      return t;
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
    if (!in.hasArray()) { // a snapshot mapped from the jar
      byte[] bytes = new byte[length];
      in.get(bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    }
    String s =
        new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
    in.position(in.position() + length);
    return s;
  }
}
