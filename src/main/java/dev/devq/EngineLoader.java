package dev.devq;

import dev.devq.calibrate.CalibrationCheck;
import dev.devq.cost.CostModel;
import dev.devq.kb.Deferred;
import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.ModelProfile;
import dev.devq.kb.ProfileLoader;
import dev.devq.lang.Diagnostic;
import dev.devq.model.Model;
import dev.devq.query.eval.Engine;
import dev.devq.search.SearchIndex;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the engine {@link Devq} runs on from the profiles: read from YAML, or from the snapshot
 * the build made of the shipped ones with the user's overlays merged in; either way every profile
 * and every zoo model it builds is checked, and a failure is a {@link LoadException} holding every
 * diagnostic.
 */
final class EngineLoader {
  private EngineLoader() {}

  /**
   * An engine and the version of the shipped profiles alone, which a review document keeps beside
   * the whole knowledge base's, so a stale result can say whether the overlays are what changed.
   */
  record Loaded(Engine engine, String shippedVersion) {}

  /**
   * Every profile read from YAML and every zoo model built, so all their errors are reported. The
   * overlays go on top of the shipped profiles as on top of a snapshot, which gives the same
   * knowledge base and version as reading all the roots at once, and the shipped version besides.
   */
  static Loaded fromYaml(Path shipped, List<Path> overlays) throws LoadException {
    KnowledgeBase base = loaded(ProfileLoader.load(List.of(shipped)));
    KnowledgeBase kb = overlays.isEmpty() ? base : loaded(ProfileLoader.overlay(base, overlays));
    ModelValidation.Result models = ModelValidation.check(kb);
    if (!models.diagnostics().isEmpty()) {
      throw new LoadException(models.diagnostics());
    }
    var engine = new Engine(kb, SearchIndex.lazy(kb), new CostModel(kb));
    engine.preload(models.models());
    return new Loaded(engine, base.version());
  }

  /**
   * The snapshot's knowledge base with the overlays merged in. The snapshot's models were built
   * with their default parameters when it was made; each is read on first use, unless an overlay
   * replaced it (then it is built now, to check it). The prebuilt search index serves when there
   * are no overlays.
   */
  static Loaded fromSnapshot(Snapshot snapshot, List<Path> overlays) throws LoadException {
    KnowledgeBase base = snapshot.kb();
    if (overlays.isEmpty()) {
      var engine = new Engine(base, snapshot.index(), new CostModel(base), snapshot.gluedNames());
      engine.preload(snapshot.models());
      return new Loaded(engine, base.version());
    }
    KnowledgeBase kb = loaded(ProfileLoader.overlay(base, overlays));
    List<ModelProfile> touched =
        kb.models().values().stream().filter(m -> base.models().get(m.id()) != m).toList();
    ModelValidation.Result models = ModelValidation.check(kb, touched);
    if (!models.diagnostics().isEmpty()) {
      throw new LoadException(models.diagnostics());
    }
    var engine = new Engine(kb, SearchIndex.lazy(kb), new CostModel(kb));
    engine.preload(
        Deferred.by(
            () -> {
              Map<String, Deferred<Model>> untouched = new HashMap<>(snapshot.models().get());
              touched.forEach(m -> untouched.remove(m.id()));
              return untouched;
            }));
    engine.preload(models.models());
    return new Loaded(engine, base.version());
  }

  private static KnowledgeBase loaded(ProfileLoader.Result loaded) throws LoadException {
    if (!loaded.ok()) {
      throw new LoadException(loaded.diagnostics());
    }
    KnowledgeBase kb = loaded.knowledgeBase();
    List<Diagnostic> calibration = CalibrationCheck.check(kb.calibration());
    if (!calibration.isEmpty()) {
      throw new LoadException(calibration);
    }
    return kb;
  }
}
