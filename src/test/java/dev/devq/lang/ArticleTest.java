package dev.devq.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArticleTest {
  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      explain record    | an explain record
      info record       | an info record
      op                | an op
      entity            | an entity
      Energy factor     | an Energy factor
      Operations factor | an Operations factor
      OS release        | an OS release
      MB limit          | an MB limit
      device            | a device
      SoC               | a SoC
      Time factor       | a Time factor
      unit              | a unit
      user file         | a user file
      one-off           | a one-off
      GPU               | a GPU
      """)
  void choosesTheArticleBySound(String phrase, String expected) {
    assertEquals(expected, Article.with(phrase));
  }
}
