package dev.devq.kb;

import dev.devq.lang.Span;
import dev.devq.lang.Suggestions;
import dev.devq.lang.unit.Dimension;
import dev.devq.lang.unit.Quantity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the keys of one YAML mapping strictly. Each accessor names the key it expects, so {@link
 * #finish()} knows the valid keys and reports any other as unknown with the closest valid one.
 * Errors go to {@link Problems} and accessors return placeholders, so a run reports every error of
 * every file instead of stopping at the first.
 *
 * <p>A mapping may set {@code source:} and {@code confidence:}; they become the provenance of every
 * value inside it that names none. Every value read is also recorded as a {@link Fact} under its
 * dotted path for {@code devq info}.
 */
public final class Fields {
  private final YamlNode.Mapping node;
  private final Provenance defaults;
  private final Problems problems;
  private final String path;
  private final List<Fact> facts;
  private final Set<String> known = new LinkedHashSet<>();

  private Fields(
      YamlNode.Mapping node,
      Provenance inherited,
      Problems problems,
      String path,
      List<Fact> facts) {
    this.node = node;
    this.problems = problems;
    this.path = path;
    this.facts = facts;
    this.defaults = ownDefaults(inherited);
  }

  /** Starts reading a top-level mapping; null (after reporting) when the node is not one. */
  public static Fields root(YamlNode node, Problems problems, List<Fact> facts) {
    if (!(node instanceof YamlNode.Mapping mapping)) {
      problems.error(node, "expected a mapping, found " + node.kind(), "");
      return null;
    }
    return new Fields(mapping, new Provenance("", Confidence.ESTIMATE, ""), problems, "", facts);
  }

  /**
   * The same mapping read as an entity of its own (an item of {@code devices:}), recording facts
   * into {@code entityFacts} with paths relative to it.
   */
  public Fields asEntity(List<Fact> entityFacts) {
    return new Fields(node, defaults, problems, "", entityFacts);
  }

  public YamlNode.Mapping node() {
    return node;
  }

  public Origin origin() {
    return new Origin(node.source(), node.span());
  }

  public Provenance defaults() {
    return defaults;
  }

  public Problems problems() {
    return problems;
  }

  public boolean has(String key) {
    known.add(key);
    return node.entries().containsKey(key);
  }

  /** Origin of a key's value, or of the mapping when the key is absent. */
  public Origin originOf(String key) {
    YamlNode value = valueNode(key);
    return value == null ? origin() : new Origin(value.source(), value.span());
  }

  /** The source a key's {@code {value: …, source: …}} names, else the mapping's (lists, words). */
  public String sourceOf(String key) {
    if (valueNode(key) instanceof YamlNode.Mapping m
        && m.entries().containsKey("value")
        && m.entries().get("source") != null
        && m.entries().get("source").value() instanceof YamlNode.Scalar source) {
      return source.text();
    }
    return defaults.source();
  }

  // ---- texts -------------------------------------------------------------------------------

  /** A required plain text (ids, names): no provenance. */
  public String id(String key) {
    YamlNode value = required(key);
    if (value == null) {
      return "";
    }
    if (!(value instanceof YamlNode.Scalar s) || s.text().isEmpty()) {
      problems.error(value, "'" + key + "' must be a non-empty text, found " + value.kind(), "");
      return "";
    }
    return s.text();
  }

  /** An optional plain text, {@code fallback} when absent. */
  public String text(String key, String fallback) {
    known.add(key);
    YamlNode value = unwrap(key, valueNode(key));
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof YamlNode.Scalar s)) {
      problems.error(value, "'" + key + "' must be a text, found " + value.kind(), "");
      return fallback;
    }
    return s.text();
  }

  /** A list of plain texts (aliases); a single text is accepted as a list of one. */
  public List<String> texts(String key) {
    known.add(key);
    YamlNode value = unwrap(key, valueNode(key));
    if (value == null) {
      return List.of();
    }
    if (value instanceof YamlNode.Scalar s) {
      return s.text().isEmpty() ? List.of() : List.of(s.text());
    }
    if (!(value instanceof YamlNode.Sequence seq)) {
      problems.error(value, "'" + key + "' must be a list of texts, found " + value.kind(), "");
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (YamlNode item : seq.items()) {
      if (item instanceof YamlNode.Scalar s && !s.text().isEmpty()) {
        out.add(s.text());
      } else {
        problems.error(item, "'" + key + "' items must be texts, found " + item.kind(), "");
      }
    }
    return out;
  }

  /** A text with provenance. */
  public Sourced<String> sourcedText(String key, boolean required) {
    YamlNode value = required ? required(key) : optional(key);
    if (value == null) {
      return Sourced.missing("", defaults, origin());
    }
    ValueRead read = ValueRead.of(key, value, defaults, problems);
    if (!(single(key, read) instanceof YamlNode.Scalar s)) {
      return Sourced.missing("", read.provenance(), read.origin());
    }
    read.record(join(key), s.text(), "", facts, problems);
    return Sourced.of(s.text(), read.provenance(), read.origin());
  }

  /** One of a fixed set of words; reports the closest valid word otherwise. */
  public String word(String key, List<String> allowed, String fallback) {
    String text = text(key, "");
    if (text.isEmpty()) {
      if (fallback.isEmpty()) {
        required(key);
      }
      return fallback;
    }
    if (!allowed.contains(text)) {
      problems.error(
          valueNode(key),
          "'" + key + "' must be one of " + String.join(", ", allowed) + ", found '" + text + "'",
          Suggestions.didYouMean(text, allowed));
      return fallback.isEmpty() ? allowed.get(0) : fallback;
    }
    return text;
  }

  public boolean bool(String key, boolean fallback) {
    String text = text(key, "");
    if (text.isEmpty()) {
      return fallback;
    }
    if (!text.equals("true") && !text.equals("false")) {
      problems.error(
          valueNode(key), "'" + key + "' must be true or false, found '" + text + "'", "");
      return fallback;
    }
    return Boolean.parseBoolean(text);
  }

  // ---- numbers -----------------------------------------------------------------------------

  /** A quantity of a given dimension, with provenance. Missing optional ones are NaN. */
  public Sourced<Quantity> quantity(String key, Dimension dimension, boolean required) {
    YamlNode value = required ? required(key) : optional(key);
    Quantity unknown = Quantity.of(Double.NaN, dimension);
    if (value == null) {
      return Sourced.missing(unknown, defaults, origin());
    }
    ValueRead read = ValueRead.of(key, value, defaults, problems);
    if (!(single(key, read) instanceof YamlNode.Scalar s)) {
      return Sourced.missing(unknown, read.provenance(), read.origin());
    }
    Quantity q = QuantityText.parse(s, key, dimension, problems);
    if (q == null) {
      return Sourced.missing(unknown, read.provenance(), read.origin());
    }
    if (q.value() < 0) {
      problems.error(s, "'" + key + "' cannot be negative", "");
    }
    String[] written = QuantityText.split(s.text());
    read.record(join(key), written[0], written[1], facts, problems);
    return Sourced.of(q, read.provenance(), read.origin());
  }

  /** A whole number (core counts) with provenance; {@code min} is the smallest allowed. */
  public Sourced<Integer> integer(String key, int min, boolean required) {
    return integer(key, min, Integer.MAX_VALUE, required);
  }

  /** A whole number from {@code min} to {@code max} (a year: 2000 to 2100, 99999 is a typo). */
  public Sourced<Integer> integer(String key, int min, int max, boolean required) {
    YamlNode value = required ? required(key) : optional(key);
    if (value == null) {
      return Sourced.missing(0, defaults, origin());
    }
    ValueRead read = ValueRead.of(key, value, defaults, problems);
    if (!(single(key, read) instanceof YamlNode.Scalar s)) {
      return Sourced.missing(0, read.provenance(), read.origin());
    }
    try {
      int n = Integer.parseInt(s.text().trim());
      if (n < min || n > max) {
        String bound = n < min ? "at least " + min : "at most " + max;
        problems.error(s, "'" + key + "' must be " + bound + ", found " + n, "");
      }
      read.record(join(key), Integer.toString(n), "", facts, problems);
      return Sourced.of(n, read.provenance(), read.origin());
    } catch (NumberFormatException e) {
      problems.error(s, "'" + key + "' must be a whole number, found '" + s.text() + "'", "");
      return Sourced.missing(0, read.provenance(), read.origin());
    }
  }

  // ---- nesting -----------------------------------------------------------------------------

  /** A nested mapping, inheriting this mapping's provenance defaults; null when absent. */
  public Fields object(String key, boolean required) {
    YamlNode value = required ? required(key) : optional(key);
    if (value == null) {
      return null;
    }
    if (!(value instanceof YamlNode.Mapping m)) {
      problems.error(value, "'" + key + "' must be a mapping, found " + value.kind(), "");
      return null;
    }
    return new Fields(m, defaults, problems, join(key), facts);
  }

  /** The nested mappings of a list (devices, ops, notes). */
  public List<Fields> objects(String key, boolean required) {
    YamlNode value = required ? required(key) : optional(key);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof YamlNode.Sequence seq)) {
      problems.error(value, "'" + key + "' must be a list, found " + value.kind(), "");
      return List.of();
    }
    List<Fields> out = new ArrayList<>();
    for (int i = 0; i < seq.items().size(); i++) {
      YamlNode item = seq.items().get(i);
      if (item instanceof YamlNode.Mapping m) {
        out.add(new Fields(m, defaults, problems, join(key) + "[" + i + "]", facts));
      } else {
        problems.error(item, "items of '" + key + "' must be mappings, found " + item.kind(), "");
      }
    }
    return out;
  }

  /** The raw node of a key (for the model reader), marking the key as known. */
  public YamlNode raw(String key) {
    known.add(key);
    return valueNode(key);
  }

  /** The keys present in this mapping (for free-form maps such as model parameters). */
  public Set<String> keys() {
    return node.entries().keySet();
  }

  /** Reports every key that no accessor asked for, with the closest valid key. */
  public void finish() {
    for (YamlNode.Entry e : node.entries().values()) {
      if (!known.contains(e.key())) {
        problems.error(
            node.source(),
            e.keySpan(),
            "unknown key '" + e.key() + "'" + where(),
            Suggestions.didYouMean(e.key(), known));
      }
    }
  }

  // ---- internals ---------------------------------------------------------------------------

  private String where() {
    return path.isEmpty() ? "" : " in '" + path + "'";
  }

  private Provenance ownDefaults(Provenance inherited) {
    known.add("source");
    known.add("confidence");
    known.add("note");
    return ProvenanceReader.read(node, inherited, problems);
  }

  /** Records a plain field (a reference, a word) for {@code devq info}; nothing when absent. */
  public void fact(String key, String text) {
    YamlNode.Entry e = node.entries().get(key);
    if (e != null) {
      // The value was read (and any error reported) already; only its provenance is needed here.
      Provenance p =
          e.value() instanceof YamlNode.Mapping m
              ? ProvenanceReader.read(m, defaults, new Problems())
              : defaults;
      Origin at = new Origin(e.value().source(), e.value().span());
      new ValueRead(e.value(), p, at).record(join(key), text, "", facts, problems);
    }
  }

  private YamlNode required(String key) {
    YamlNode value = optional(key);
    // a misspelled key is reported by finish(), with this one as the suggestion
    if (value == null && !(node.entries().get(key) == null && misspelled(key))) {
      problems.error(
          node.source(),
          Span.at(node.span().start()),
          "missing required key '" + key + "'" + where(),
          "");
    }
    return value;
  }

  /** Whether some key here is a near miss of {@code key} ({@code rma} for {@code ram}). */
  private boolean misspelled(String key) {
    return node.entries().keySet().stream()
        .anyMatch(k -> !k.equals(key) && Suggestions.closest(k, List.of(key)).equals(key));
  }

  private YamlNode optional(String key) {
    known.add(key);
    YamlNode.Entry e = node.entries().get(key);
    boolean blank =
        e != null && e.value() instanceof YamlNode.Scalar s && s.text().isEmpty() && !s.quoted();
    return e == null || blank ? null : e.value();
  }

  /**
   * The inner value of a {value: …, source: …} object (checking its keys and noting its source), or
   * the node itself when it is written plainly.
   */
  private YamlNode unwrap(String key, YamlNode value) {
    if (value instanceof YamlNode.Mapping m && m.entries().containsKey("value")) {
      return ValueRead.of(key, value, defaults, problems).scalar();
    }
    return value;
  }

  private YamlNode valueNode(String key) {
    YamlNode.Entry e = node.entries().get(key);
    return e == null ? null : e.value();
  }

  private String join(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** The scalar of a read value; reports a list or mapping where one value belongs. */
  private YamlNode single(String key, ValueRead read) {
    if (read.scalar() != null && !(read.scalar() instanceof YamlNode.Scalar)) {
      problems.error(
          read.scalar(), "'" + key + "' must be a single value, found " + read.scalar().kind(), "");
      return null;
    }
    return read.scalar();
  }
}
