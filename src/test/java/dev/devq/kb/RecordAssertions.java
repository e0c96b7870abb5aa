package dev.devq.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.devq.lang.SourceText;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/** Records compared component by component, source texts by their content. */
public final class RecordAssertions {
  private RecordAssertions() {}

  /** Component by component, whatever the records hold: a dropped or default value fails. */
  public static void same(String path, Object a, Object b) {
    if (a == null || b == null) {
      assertEquals(a, b, path);
    } else if (a instanceof Record r) {
      assertEquals(a.getClass(), b.getClass(), path);
      for (RecordComponent c : r.getClass().getRecordComponents()) {
        same(path + "." + c.getName(), component(a, c), component(b, c));
      }
    } else if (a instanceof Map<?, ?> m) {
      Map<?, ?> n = (Map<?, ?>) b;
      assertEquals(m.keySet(), n.keySet(), path);
      m.forEach((k, v) -> same(path + "[" + k + "]", v, n.get(k)));
    } else if (a instanceof Collection<?> c) {
      Collection<?> d = (Collection<?>) b;
      assertEquals(c.size(), d.size(), path);
      Iterator<?> i = d.iterator();
      int index = 0;
      for (Object x : c) {
        same(path + "[" + index++ + "]", x, i.next());
      }
    } else if (a instanceof Optional<?> o) {
      same(path + ".get", o.orElse(null), ((Optional<?>) b).orElse(null));
    } else if (a instanceof Deferred<?> d) {
      same(path + ".get", d.get(), ((Deferred<?>) b).get());
    } else if (a instanceof SourceText s) {
      SourceText t = (SourceText) b;
      assertEquals(s.name() + s.line(0) + s.text(), t.name() + t.line(0) + t.text(), path);
    } else {
      assertEquals(a, b, path);
    }
  }

  private static Object component(Object record, RecordComponent c) {
    try {
      var accessor = c.getAccessor();
      accessor.setAccessible(true);
      return accessor.invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
