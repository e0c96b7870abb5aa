package dev.devq.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.devq.DevqAssertions;
import dev.devq.kb.KnowledgeBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * {@link Matching#glue}, written by hand, glues as the regular expression it replaced: every id,
 * name and alias of the knowledge base, and text whose lower case leaves ASCII or is not ASCII.
 */
class GlueTest {
  private static String byRegex(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  @Test
  void gluesAsTheRegularExpression() {
    KnowledgeBase kb = DevqAssertions.kb();
    List<String> texts = new ArrayList<>(kb.ids());
    texts.addAll(kb.names().keySet());
    texts.addAll(
        List.of(
            "torch.nn.LayerNorm",
            "iPhone 15 Pro Max",
            "\u212Aelvin", // the Kelvin sign lower-cases to an ASCII k
            "\u0130stanbul", // a dotted capital I: an i and a combining dot
            "\uFF13\uFF13 layers", // full-width digits are not digits here
            "conv2d_\uD83D\uDE00",
            "",
            " - "));
    for (String text : texts) {
      assertEquals(byRegex(text), GluedName.of(text), text);
    }
  }
}
