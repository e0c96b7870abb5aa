package dev.devq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * An answer renders its JSON only when asked, once, and the lazily made answer is the one made at
 * once: the text form never pays for the JSON, and every caller of a remembered answer gets a tree
 * of its own.
 */
class AnswerTest {
  private final AtomicInteger made = new AtomicInteger();

  private JsonNode tree() {
    made.incrementAndGet();
    return JsonNodeFactory.instance.arrayNode().add("layer_norm").add(1.5);
  }

  @Test
  void theTextFormNeverMakesTheJson() {
    Answer a = Answer.of("text\n", this::tree);
    assertEquals("text\n", a.render(false));
    assertEquals("text\n", a.text());
    assertEquals(0, made.get());
    assertEquals(Json.write(tree()) + "\n", a.render(true));
  }

  @Test
  void theJsonIsMadeOnceAndEqualsTheAnswerMadeAtOnce() {
    Answer lazy = Answer.of("text\n", this::tree);
    JsonNode first = lazy.json();
    assertSame(first, lazy.json());
    assertEquals(1, made.get());
    Answer eager = new Answer("text\n", tree(), "");
    assertEquals(eager, lazy);
    assertEquals(eager.hashCode(), lazy.hashCode());
    assertEquals(eager.render(true), lazy.render(true));
  }

  @Test
  void eachCopyHasATreeOfItsOwn() {
    Answer kept = Answer.of("text\n", this::tree);
    Answer one = kept.withOwnJson();
    Answer two = kept.withOwnJson();
    assertNotSame(one.json(), two.json());
    ((ArrayNode) one.json()).add("changed");
    assertEquals(kept, two);
    assertEquals(1, made.get());
  }

  @Test
  void anAnswerWithoutJsonPrintsItsText() {
    Answer a = Answer.of("3 lines\n", null);
    assertNull(a.json());
    assertNull(a.withOwnJson().json());
    assertEquals("3 lines\n", a.render(true));
    Answer failed = Answer.failed("devq: no such thing\n");
    assertEquals(new Answer("", null, "devq: no such thing\n"), failed);
  }
}
