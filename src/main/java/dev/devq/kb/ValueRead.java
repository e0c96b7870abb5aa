package dev.devq.kb;

import dev.devq.lang.Suggestions;
import java.util.List;
import java.util.Set;

/**
 * One value as a profile writes it, plainly ({@code ram: 6 GB}) or as an object with provenance
 * ({@code {value: 6 GB, source: iosref, confidence: reported}}): the value node, the provenance in
 * force for it and where it was written. {@link Fields} reads every value through here, and records
 * it as a {@link Fact} for {@code devq info}.
 */
record ValueRead(YamlNode scalar, Provenance provenance, Origin origin) {
  private static final Set<String> VALUE_KEYS = Set.of("value", "source", "confidence", "note");

  /** Reads a plain scalar or a {value, source, confidence, note} object under {@code defaults}. */
  static ValueRead of(String key, YamlNode value, Provenance defaults, Problems problems) {
    Origin origin = new Origin(value.source(), value.span());
    if (value instanceof YamlNode.Scalar) {
      return new ValueRead(value, defaults, origin);
    }
    if (value instanceof YamlNode.Mapping m && m.entries().containsKey("value")) {
      for (YamlNode.Entry e : m.entries().values()) {
        if (!VALUE_KEYS.contains(e.key())) {
          problems.error(
              m.source(),
              e.keySpan(),
              "unknown key '" + e.key() + "' in the value of '" + key + "'",
              Suggestions.didYouMean(e.key(), VALUE_KEYS));
        }
      }
      Provenance provenance = ProvenanceReader.read(m, defaults, problems);
      YamlNode inner = m.entries().get("value").value();
      return new ValueRead(inner, provenance, new Origin(inner.source(), inner.span()));
    }
    problems.error(
        value, "'" + key + "' must be a value or {value: …, source: …}, found " + value.kind(), "");
    return new ValueRead(null, defaults, origin);
  }

  /**
   * Adds this value to {@code facts} under {@code path}; every value must name a source (no number
   * without one), and an estimate or derived value must say how it was obtained.
   */
  void record(String path, String text, String unit, List<Fact> facts, Problems problems) {
    if (provenance.source().isBlank()
        && facts.stream().noneMatch(f -> f.provenance().source().isBlank())) {
      // once per entity: an entity without its top-level source leaves every value without one
      problems.error(
          origin.source(),
          origin.span(),
          "'" + path + "' has no source: neither the value nor a mapping around it names one",
          "add source: ID (an entry of sources.yaml) at the top of the entity, the default for"
              + " every value in it, or on the value");
    }
    Confidence c = provenance.confidence();
    if ((c == Confidence.ESTIMATE || c == Confidence.DERIVED) && provenance.note().isBlank()) {
      problems.error(
          origin.source(),
          origin.span(),
          // the path names the keys as written ('ane.tops_fp16', 'budgets[2].value'), never a
          // record component
          "'" + path + "' is marked " + c.label() + " but has no note saying how it was obtained",
          "add note: \"…\" to the value or to the mapping around it");
    }
    facts.add(new Fact(path, text, unit, provenance, origin));
  }
}
