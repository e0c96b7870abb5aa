package dev.devq.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.kb.KnowledgeBase;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reading ahead ({@link SearchIndex#readAhead}, which a one-shot search runs on the thread that
 * opened the index) reads the postings marking the hits of that search asks for, so the search
 * itself reads fewer, and answers as a search without it does.
 */
class ReadAheadTest {
  private static final KnowledgeBase KB = DevqAssertions.kb();

  @ParameterizedTest
  @ValueSource(strings = {"layer norm", "depthwise separable convolution", "layrnorm", "iphone 15"})
  void aSearchReadAheadReadsFewerPostingsAndAnswersTheSame(String query) {
    SearchIndex cold = SearchIndex.build(KB);
    int before = cold.opened().postingsRead();
    List<Hit> coldHits = cold.search(query, List.of(), 10);
    int coldReads = cold.opened().postingsRead() - before;

    SearchIndex ahead = SearchIndex.build(KB);
    ahead.readAhead(query);
    int readAhead = ahead.opened().postingsRead();
    List<Hit> aheadHits = ahead.search(query, List.of(), 10);
    int aheadReads = ahead.opened().postingsRead() - readAhead;

    assertEquals(coldHits, aheadHits, query);
    assertTrue(readAhead > 0, query + ": reading ahead read nothing");
    assertTrue(
        aheadReads < coldReads,
        query
            + ": the search read "
            + aheadReads
            + " lists after reading ahead, "
            + coldReads
            + " without");
  }
}
