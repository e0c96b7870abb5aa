package dev.devq.query.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.lang.SourceText;
import dev.devq.query.check.Type;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A run binds its lets in one draft session, in place: a file of many lets was quadratic when each
 * statement copied every binding before it (into a new session, the checker and the evaluator). A
 * session itself stays immutable.
 */
class SessionDraftTest {
  @Test
  void aDraftBindsInPlaceSoItsViewsSeeEveryEarlierBinding() {
    var draft = new Session.Draft(Session.EMPTY);
    var values = draft.values();
    var types = draft.types();
    draft.bind("x", Type.ANY, new Value.BoolV(true));
    assertTrue(values.containsKey("x"), "the view is of the draft, not a copy");
    assertTrue(types.containsKey("x"));
    draft.fail("x");
    assertFalse(values.containsKey("x"));
    assertEquals(Set.of("x"), draft.failed());
  }

  @Test
  void bindingASessionLeavesItAsItWas() {
    Session one = Session.EMPTY.bind("x", Type.ANY, new Value.BoolV(true));
    Session two = one.bind("y", Type.ANY, new Value.BoolV(false)).fail("x");
    assertEquals(List.of("x"), List.copyOf(one.values().keySet()));
    assertEquals(List.of("y"), List.copyOf(two.values().keySet()));
    assertEquals(Set.of("x"), two.failed());
    assertEquals(Set.of(), one.failed());
  }

  @Test
  void aFileOfTwentyThousandChainedLetsEvaluatesEachFromTheOneBefore() {
    var text = new StringBuilder("let x0 = 1\n");
    for (int i = 1; i < 20_000; i++) {
      text.append("let x").append(i).append(" = x").append(i - 1).append(" + 1\n");
    }
    text.append("x19999 == 20000\n");
    Interpreter.Run r =
        DevqAssertions.interpreter()
            .run(new SourceText("lets.devq", text.toString()), Session.EMPTY, false);
    assertTrue(r.ok(), () -> r.diagnostics().get(0).message());
    assertEquals(20_001, r.outcomes().size());
    assertTrue(((Outcome.Check) r.outcomes().get(20_000)).pass());
    assertEquals(20_000, r.session().values().size());
  }
}
