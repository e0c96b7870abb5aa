package dev.devq.search;

import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * Splits identifiers the way engineers write them: snake_case, camelCase, dotted paths and digits
 * ({@code torch.nn.LayerNorm} → {@code torch nn layer norm}, {@code conv2d} → {@code conv 2 d}),
 * lower-cases, and on the query side adds synonyms (sdpa ↔ scaled dot product attention). Synonyms
 * are symmetric, so expanding queries alone finds what expanding both sides would, and the index
 * builds faster at start.
 */
final class NameAnalyzer extends Analyzer {
  private final Supplier<SynonymMap> synonyms;
  private final boolean keepOriginal;

  /**
   * @param synonyms added after splitting (query side only), or null for none; asked for on first
   *     use
   * @param keepOriginal also emit each unsplit word ({@code conv2d} besides {@code conv 2 d})
   */
  NameAnalyzer(Supplier<SynonymMap> synonyms, boolean keepOriginal) {
    this.synonyms = synonyms;
    this.keepOriginal = keepOriginal;
  }

  /**
   * Positions between one name of an entity and the next, so that a phrase matches within a name,
   * never across two ({@code NameTerms#phrase}).
   */
  private static final int BETWEEN_NAMES = 100;

  @Override
  public int getPositionIncrementGap(String fieldName) {
    return BETWEEN_NAMES;
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new WhitespaceTokenizer();
    int flags =
        WordDelimiterGraphFilter.GENERATE_WORD_PARTS
            | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
            | WordDelimiterGraphFilter.SPLIT_ON_CASE_CHANGE
            | WordDelimiterGraphFilter.SPLIT_ON_NUMERICS
            | (keepOriginal ? WordDelimiterGraphFilter.PRESERVE_ORIGINAL : 0);
    TokenStream stream = new WordDelimiterGraphFilter(source, flags, null);
    // SynonymGraphFilter cannot consume a token graph, so flatten the word parts first.
    stream = new FlattenGraphFilter(stream);
    stream = new LowerCaseFilter(stream);
    stream = new EnglishPossessiveFilter(stream);
    if (synonyms != null) {
      // the query side reads a bag of words, so the synonym graph needs no flattening
      stream = new SynonymGraphFilter(stream, synonyms.get(), true);
    }
    return new TokenStreamComponents(source, stream);
  }
}
