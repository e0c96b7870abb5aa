package dev.devq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.devq.lang.Diagnostic;
import dev.devq.view.JsonRender;
import java.util.List;

/**
 * The one JSON style of devq's output (indented, plain decimals, {@code "key": value}), for front
 * ends that put results together: {@code devq check --format json} wraps each outcome's {@link
 * Outcome#json()} with its file and line.
 *
 * <pre>{@code
 * Json.write(run.outcomes().get(0).json())
 * }</pre>
 */
public final class Json {
  private Json() {}

  /** A JSON tree as text. */
  public static String write(JsonNode node) {
    return JsonRender.write(node);
  }

  public static ObjectNode object() {
    return JsonRender.MAPPER.createObjectNode();
  }

  public static ArrayNode array() {
    return JsonRender.MAPPER.createArrayNode();
  }

  /** Diagnostics as {@code {"errors": [{severity, code, message, file, line, column, notes}]}}. */
  public static ObjectNode diagnostics(List<Diagnostic> diagnostics) {
    return (ObjectNode) JsonRender.diagnostics(diagnostics);
  }
}
