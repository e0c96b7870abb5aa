package dev.devq.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.core.FlattenGraphFilter;

/**
 * Splits identifiers the way engineers write them: snake_case, camelCase, dotted paths and
 * digits ({@code torch.nn.LayerNorm} → {@code torch nn layer norm}, {@code conv2d} →
 * {@code conv 2 d}), lower-cases, and adds synonyms (sdpa ↔ scaled dot product attention).
 */
final class NameAnalyzer extends Analyzer {
  private final SynonymMap synonyms;
  private final boolean index;
  private final boolean keepOriginal;

  /**
   * @param synonyms added after splitting, or null for none
   * @param index true for the index side, whose synonym graph is flattened for storage
   * @param keepOriginal also emit each unsplit word ({@code conv2d} besides {@code conv 2 d})
   */
  NameAnalyzer(SynonymMap synonyms, boolean index, boolean keepOriginal) {
    this.synonyms = synonyms;
    this.index = index;
    this.keepOriginal = keepOriginal;
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new WhitespaceTokenizer();
    int flags = WordDelimiterGraphFilter.GENERATE_WORD_PARTS
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
      stream = new SynonymGraphFilter(stream, synonyms, true);
    }
    if (index && synonyms != null) {
      stream = new FlattenGraphFilter(stream);
    }
    return new TokenStreamComponents(source, stream);
  }
}
