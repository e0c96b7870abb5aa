package dev.devq.query.check;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.lang.DiagnosticRenderer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every member the checker accepts is one the evaluator can read: the two tables agree. */
class MembersTest {
  @ParameterizedTest(name = "{0} ({1})")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      a16                    | soc
      iphone_12              | device
      resnet50               | model
      layer_norm             | op
      a16.ane                | unit
      """)
  void everyMemberTheCheckerAcceptsEvaluates(String target, String kind) {
    Type type =
        kind.equals("model")
            ? Type.MODEL
            : kind.equals("unit") ? new Type.Record("unit") : new Type.Entity(kind);
    var names = Members.names(type);
    assertFalse(names.isEmpty(), kind + " has members");
    for (String member : names) {
      var run = DevqAssertions.run(target + "." + member);
      assertTrue(
          run.ok(),
          () -> target + "." + member + "\n" + DiagnosticRenderer.render(run.diagnostics()));
    }
  }
}
