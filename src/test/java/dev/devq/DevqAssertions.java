package dev.devq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.ProfileLoader;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.DiagnosticRenderer;
import dev.devq.lang.SourceText;
import dev.devq.lang.unit.Quantity;
import dev.devq.query.eval.Engine;
import dev.devq.query.eval.Interpreter;
import dev.devq.query.eval.Outcome;
import dev.devq.query.eval.Session;
import dev.devq.query.eval.Value;
import java.nio.file.Path;
import java.util.List;

/** Shared helpers: the shipped knowledge base loaded once, and assertions on query results. */
public final class DevqAssertions {
  private static Devq shared;

  private DevqAssertions() {}

  /** The project directory (Surefire passes it; tests run from it by default). */
  public static Path projectDir() {
    return Path.of(System.getProperty("devq.project.dir", ".")).toAbsolutePath();
  }

  /** The shipped knowledge base, loaded once per test JVM. */
  /**
   * A devices file overriding the iPhone 14 Pro, its last line {@code lastLine} (line 9): the base
   * of the hostile device overlays.
   */
  public static String deviceOverlay(String lastLine) {
    return """
        devices:
          - id: iphone_14_pro
            name: iPhone 14 Pro
            source: iosref
            confidence: measured
            soc: a16
            year: 2022
            form_factor: phone
            %s
        """
        .replace("%s", lastLine);
  }

  /** The shipped profiles with a test overlay ({@code src/test/resources/DIR}); fails on errors. */
  public static KnowledgeBase knowledgeBaseWith(String overlay) {
    var loaded =
        ProfileLoader.load(
            List.of(
                projectDir().resolve("profiles"),
                projectDir().resolve("src/test/resources/" + overlay)));
    assertTrue(loaded.ok(), () -> DiagnosticRenderer.render(loaded.diagnostics()));
    return loaded.knowledgeBase();
  }

  public static synchronized Devq devq() {
    if (shared == null) {
      System.setProperty("devq.home", projectDir().toString());
      try {
        shared = Devq.load();
      } catch (LoadException e) {
        fail("shipped profiles do not load:\n" + DiagnosticRenderer.render(e.diagnostics()));
      }
    }
    return shared;
  }

  /** The engine behind the shared {@link Devq}, for tests of the engine's own packages. */
  public static Engine engine() {
    return devq().engine();
  }

  /** The engine behind a {@link Devq} loaded with other profiles. */
  public static Engine engine(Devq devq) {
    return devq.engine();
  }

  public static KnowledgeBase kb() {
    return engine().kb();
  }

  public static KnowledgeBase kb(Devq devq) {
    return devq.engine().kb();
  }

  public static Interpreter interpreter() {
    return devq().interpreter();
  }

  public static Interpreter interpreter(Devq devq) {
    return devq.interpreter();
  }

  /** Runs query text with the shared engine, keeping the engine's own outcomes and values. */
  public static Interpreter.Run run(String query) {
    return run(devq(), query);
  }

  public static Interpreter.Run run(Devq devq, String query) {
    return devq.interpreter().run(new SourceText("<query>", query), Session.EMPTY, false);
  }

  /** The estimate {@code explain query} breaks down: one model's prediction, layer by layer. */
  public static dev.devq.cost.Prediction explained(String query) {
    var x = interpreter().explain(new SourceText("test", query), Session.EMPTY);
    return (dev.devq.cost.Prediction) x.estimate();
  }

  /**
   * {@code p} with other memory parts and other range factors (low, high, and the calibration's
   * high): a prediction the cost model would not make, to test how readers treat one.
   */
  public static dev.devq.cost.Prediction altered(
      dev.devq.cost.Prediction p,
      dev.devq.cost.MemoryParts memory,
      double rangeLow,
      double rangeHigh,
      double calibratedRangeHigh) {
    return new dev.devq.cost.Prediction(
        p.model(),
        p.target(),
        p.conditions(),
        p.layers(),
        p.switches(),
        p.switchTime(),
        p.fixedTime(),
        p.thermalFactor(),
        p.load(),
        memory,
        p.energyParts(),
        rangeLow,
        rangeHigh,
        calibratedRangeHigh,
        p.warmLatency(),
        p.lowerings(),
        p.cacheCopies(),
        p.outOfScope());
  }

  /** Evaluates one expression that must succeed and returns its value. */
  public static Value eval(String query) {
    Interpreter.Run run = run(query);
    if (!run.ok()) {
      fail("query failed: " + query + "\n" + DiagnosticRenderer.render(run.diagnostics()));
    }
    assertEquals(1, run.outcomes().size(), "one outcome expected for " + query);
    Outcome o = run.outcomes().get(0);
    if (o instanceof Outcome.Shown s) {
      return s.value();
    }
    if (o instanceof Outcome.Check c) {
      return c.isUnknown() ? Value.BoolV.unknown(c.unknown()) : new Value.BoolV(c.pass());
    }
    if (o instanceof Outcome.Let l) {
      return l.value();
    }
    fail("unexpected outcome " + o);
    return null;
  }

  /** The quantity a query yields, in base units. */
  public static Quantity quantity(String query) {
    Value v = eval(query);
    assertTrue(v instanceof Value.QuantityV, query + " should yield a quantity, got " + v);
    return ((Value.QuantityV) v).quantity();
  }

  public static boolean bool(String query) {
    Value v = eval(query);
    assertTrue(v instanceof Value.BoolV, query + " should yield a boolean, got " + v);
    Value.BoolV b = (Value.BoolV) v;
    assertTrue(b.known(), query + " should be true or false, got unknown: " + b.why());
    return b.isTrue();
  }

  /** Asserts a query fails with a diagnostic of this code and returns the rendered text. */
  public static String assertFails(String query, DiagnosticCode code) {
    Interpreter.Run run = run(query);
    assertTrue(!run.ok(), "query should fail: " + query);
    assertEquals(
        code,
        run.diagnostics().get(0).code(),
        "wrong code for " + query + ":\n" + DiagnosticRenderer.render(run.diagnostics()));
    return DiagnosticRenderer.render(run.diagnostics());
  }

  /**
   * A table row of a refused value: {@code query} is answered (not "cannot run") when {@code
   * message} is null, else refused with {@code BAD_VALUE}, its text showing {@code message} and
   * {@code alsoShown} (the caret's note or the hint).
   */
  public static void assertRunsOrBadValue(String query, String message, String alsoShown) {
    if (message == null) {
      assertFalse(eval(query) instanceof Value.CannotRunV, query);
      return;
    }
    String shown = assertFails(query, DiagnosticCode.BAD_VALUE);
    assertTrue(shown.contains(message), shown);
    assertTrue(shown.contains(alsoShown), shown);
  }
}
