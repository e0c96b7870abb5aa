package dev.devq.search;

/** Names of the index fields, in one place. */
final class Fields {
  static final String ID = "id";
  static final String KIND = "kind";

  /** The id, name and aliases, split into words ("torch.nn.LayerNorm" → torch nn layer norm). */
  static final String NAMES = "names";

  /** Every name lower-cased and unsplit, for exact lookups of aliases. */
  static final String EXACT = "exact";

  /** Name words with all separators removed ("layernorm"), so glued spellings match. */
  static final String GLUED = "glued";

  static final String CATEGORY = "category";
  static final String TEXT = "text";

  /** The fields a query word {@code field:value} filters on. */
  static final java.util.Set<String> FILTERS = java.util.Set.of(CATEGORY, KIND);

  private Fields() {}
}
