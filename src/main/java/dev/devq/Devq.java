package dev.devq;

import dev.devq.cost.CostModel;
import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.ProfileLoader;
import dev.devq.lang.SourceText;
import dev.devq.query.eval.Engine;
import dev.devq.query.eval.Interpreter;
import dev.devq.query.eval.Session;
import dev.devq.search.SearchIndex;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * devq as a library: load the knowledge base once, then evaluate queries.
 *
 * <pre>{@code
 * Devq devq = Devq.load();
 * Interpreter.Run r = devq.eval("latency(mobilenet_v2, a16, throttled) < 33ms");
 * }</pre>
 *
 * Thread-safe after loading: every evaluation works on immutable data and its own session.
 */
public final class Devq {
  private final Engine engine;
  private final Interpreter interpreter;
  private final Path shippedProfiles;

  private Devq(Engine engine, Path shippedProfiles) {
    this.engine = engine;
    this.interpreter = new Interpreter(engine);
    this.shippedProfiles = shippedProfiles;
  }

  /** Loads the shipped profiles. */
  public static Devq load() throws LoadException {
    return load(List.of());
  }

  /** Loads the shipped profiles, then each overlay directory on top (same id replaces). */
  public static Devq load(List<Path> overlays) throws LoadException {
    Path shipped = ProfileRoots.shipped();
    List<Path> roots = new ArrayList<>();
    roots.add(shipped);
    roots.addAll(overlays);
    ProfileLoader.Result loaded = ProfileLoader.load(roots);
    if (!loaded.ok()) {
      throw new LoadException(loaded.diagnostics());
    }
    KnowledgeBase kb = loaded.knowledgeBase();
    ModelValidation.Result models = ModelValidation.check(kb);
    if (!models.diagnostics().isEmpty()) {
      throw new LoadException(models.diagnostics());
    }
    var engine = new Engine(kb, SearchIndex.lazy(kb), new CostModel(kb));
    engine.preload(models.models());
    return new Devq(engine, shipped);
  }

  public KnowledgeBase kb() {
    return engine.kb();
  }

  public Engine engine() {
    return engine;
  }

  public Interpreter interpreter() {
    return interpreter;
  }

  /** The directory of the shipped profiles (where {@code devq calibrate} writes). */
  public Path shippedProfiles() {
    return shippedProfiles;
  }

  /** Evaluates query text in a fresh session. */
  public Interpreter.Run eval(String text) {
    return eval(new SourceText("<query>", text), Session.EMPTY);
  }

  /** Evaluates a source in a session; the returned run holds the session after it. */
  public Interpreter.Run eval(SourceText source, Session session) {
    return interpreter.run(source, session, false);
  }
}
