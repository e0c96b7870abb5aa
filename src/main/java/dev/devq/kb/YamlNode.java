package dev.devq.kb;

import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value with the place it came from, so every later error (a unit of the wrong dimension, a
 * dangling reference) can name {@code file:line:column}. Jackson's tree model drops positions,
 * hence this small tree of our own.
 */
public sealed interface YamlNode {
  SourceText source();

  Span span();

  /** A word for messages: "a mapping", "a list", "a text". */
  String kind();

  /** {@code file:line:column} of the start of the node. */
  default String position() {
    return source().position(span().start());
  }

  /** A scalar as written; {@code quoted} is true for {@code "…"} and {@code '…'}. */
  record Scalar(SourceText source, Span span, String text, boolean quoted) implements YamlNode {
    public String kind() {
      return "a single value";
    }
  }

  record Sequence(SourceText source, Span span, List<YamlNode> items) implements YamlNode {
    public Sequence {
      items = List.copyOf(items);
    }

    public String kind() {
      return "a list";
    }
  }

  /** Keys keep their own positions for "unknown key" errors. */
  record Mapping(SourceText source, Span span, Map<String, Entry> entries) implements YamlNode {
    public Mapping {
      entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    public String kind() {
      return "a mapping";
    }
  }

  /** One key of a mapping with the span of the key itself. */
  record Entry(String key, Span keySpan, YamlNode value) {}
}
