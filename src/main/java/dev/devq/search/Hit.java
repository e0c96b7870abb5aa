package dev.devq.search;

/**
 * One search result: an entity id, its kind ({@code op}, {@code soc}, …), its score and how sure
 * the match is.
 */
public record Hit(String id, String kind, float score, Strength strength) {
  /** How a hit matched the query, from surest to weakest. */
  public enum Strength {
    /** The query is one of the entity's names, ignoring case and separators. */
    EXACT,
    /**
     * Every distinctive word of the query is among the entity's name words, or the query is a close
     * spelling of one of its names.
     */
    NAME,
    /**
     * Only some words match, or only the prose: {@code torch.nn.functional.unfold} finding {@code
     * mish} through {@code torch.nn.functional}. Shown as a weak match, never as an answer.
     */
    WEAK
  }

  /** The same hit with another strength. */
  Hit withStrength(Strength s) {
    return new Hit(id, kind, score, s);
  }
}
