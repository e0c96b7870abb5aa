package dev.devq.lang;

import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * A syntax tree as text without its spans, so that two parses of differently spelled but equivalent
 * text compare equal. Works on any record, so a new node kind needs no change here.
 */
final class AstDump {
  private AstDump() {}

  static String dump(Object node) {
    var out = new StringBuilder();
    write(node, out);
    return out.toString();
  }

  private static void write(Object node, StringBuilder out) {
    if (node instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        out.append(i == 0 ? "" : ", ");
        write(list.get(i), out);
      }
      out.append(']');
    } else if (node instanceof Record r) {
      out.append(r.getClass().getSimpleName()).append('(');
      boolean first = true;
      for (RecordComponent c : r.getClass().getRecordComponents()) {
        if (c.getType() == Span.class
            || c.getGenericType().getTypeName().equals("java.util.List<dev.devq.lang.Span>")) {
          continue;
        }
        out.append(first ? "" : ", ").append(c.getName()).append('=');
        first = false;
        try {
          write(c.getAccessor().invoke(r), out);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
      out.append(')');
    } else if (node instanceof String s) {
      out.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    } else {
      out.append(node);
    }
  }
}
