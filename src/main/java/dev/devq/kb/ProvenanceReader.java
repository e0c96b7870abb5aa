package dev.devq.kb;

import dev.devq.lang.Suggestions;
import java.util.List;

/**
 * Reads the {@code source}, {@code confidence} and {@code note} a mapping sets for the values in it
 * (an entity, a nested mapping, or one {@code {value: …}} object).
 *
 * <p>A mapping that names a source or a confidence starts a new provenance, so an outer note never
 * explains a value it was not written for; a mapping with only a note adds it to the inherited
 * source and confidence. Source ids are checked once sources.yaml is known.
 */
final class ProvenanceReader {
  private ProvenanceReader() {}

  static Provenance read(YamlNode.Mapping m, Provenance inherited, Problems problems) {
    String source = inherited.source();
    Confidence confidence = inherited.confidence();
    String note = inherited.note();
    YamlNode s = valueOf(m, "source");
    if (s instanceof YamlNode.Scalar sc) {
      source = sc.text();
      problems.recordSourceUse(sc);
      note = "";
    } else if (s != null) {
      problems.error(s, "'source' must be a source id, found " + s.kind(), "");
    }
    YamlNode c = valueOf(m, "confidence");
    if (c instanceof YamlNode.Scalar cs) {
      confidence = confidence(cs, confidence, problems);
      note = "";
    } else if (c != null) {
      problems.error(c, "'confidence' must be one word, found " + c.kind(), "");
    }
    YamlNode n = valueOf(m, "note");
    if (n instanceof YamlNode.Scalar ns) {
      note = ns.text();
    } else if (n != null) {
      problems.error(n, "'note' must be a text, found " + n.kind(), "");
    }
    return new Provenance(source, confidence, note);
  }

  private static Confidence confidence(
      YamlNode.Scalar node, Confidence fallback, Problems problems) {
    Confidence parsed = Confidence.parse(node.text());
    if (parsed == null) {
      problems.error(
          node,
          "confidence must be vendor, measured, reported, derived or estimate, found '"
              + node.text()
              + "'",
          Suggestions.didYouMean(
              node.text(), List.of("vendor", "measured", "reported", "derived", "estimate")));
      return fallback;
    }
    return parsed;
  }

  private static YamlNode valueOf(YamlNode.Mapping m, String key) {
    YamlNode.Entry e = m.entries().get(key);
    return e == null ? null : e.value();
  }
}
