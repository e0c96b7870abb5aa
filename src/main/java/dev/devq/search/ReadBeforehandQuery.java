package dev.devq.search;

import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * A Lucene query whose matches were read beforehand ({@link KnownTerms}), standing in for the query
 * it was made from: it shows and visits as that query, and is equal exactly when those queries are,
 * so a boolean query's rewrite merges the clauses it merged before.
 */
abstract class ReadBeforehandQuery extends Query {
  /** The query this one stands in for. */
  final Query asked;

  ReadBeforehandQuery(Query asked) {
    this.asked = asked;
  }

  @Override
  public void visit(QueryVisitor visitor) {
    asked.visit(visitor);
  }

  @Override
  public String toString(String field) {
    return asked.toString(field);
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other) && asked.equals(((ReadBeforehandQuery) other).asked);
  }

  @Override
  public int hashCode() {
    return 31 * classHash() + asked.hashCode();
  }
}
