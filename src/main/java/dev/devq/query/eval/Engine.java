package dev.devq.query.eval;

import dev.devq.cost.Conditions;
import dev.devq.cost.CostModel;
import dev.devq.cost.Prediction;
import dev.devq.cost.Target;
import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.ModelProfile;
import dev.devq.lang.DevqException;
import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.Remembered;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import dev.devq.model.Model;
import dev.devq.model.ModelArguments;
import dev.devq.model.ModelBuilder;
import dev.devq.query.check.Resolver;
import dev.devq.search.SearchIndex;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What evaluation needs from the rest of devq: the knowledge base, the search index, the cost
 * model, and a cache of built models (a model with the same parameters is built once while it is
 * remembered).
 */
public final class Engine {
  /**
   * Built models remembered at most, the least recently used dropped first: every zoo model with
   * its defaults (80 ship) and as many parameterised ones again, so a REPL session or a long
   * document that sweeps a parameter ({@code distilbert(seq = n)} for many n) keeps its memory
   * bounded instead of holding every model it ever built.
   */
  static final int MODELS_KEPT = 256;

  private final KnowledgeBase kb;
  private final java.util.function.Supplier<SearchIndex> index;
  private final CostModel costModel;
  private final Resolver resolver;
  private final Remembered<String, Model> models = new Remembered<>(MODELS_KEPT);
  private volatile Supplier<? extends Map<String, ? extends Supplier<Model>>> shipped = Map::of;
  private final PredictionCache predictions = new PredictionCache();

  public Engine(
      KnowledgeBase kb, java.util.function.Supplier<SearchIndex> index, CostModel costModel) {
    this(kb, index, costModel, new Resolver(kb, index));
  }

  /**
   * An engine whose checker reads the table of glued names from {@code gluedNames} (the snapshot's,
   * made at build time) instead of making it ({@link Resolver#gluedNames(KnowledgeBase)}).
   */
  public Engine(
      KnowledgeBase kb,
      java.util.function.Supplier<SearchIndex> index,
      CostModel costModel,
      Supplier<Map<String, String>> gluedNames) {
    this(kb, index, costModel, new Resolver(kb, index, gluedNames));
  }

  private Engine(
      KnowledgeBase kb,
      java.util.function.Supplier<SearchIndex> index,
      CostModel costModel,
      Resolver resolver) {
    this.kb = kb;
    this.index = index;
    this.costModel = costModel;
    this.resolver = resolver;
  }

  public KnowledgeBase kb() {
    return kb;
  }

  /** The search index, built on first use. */
  public SearchIndex index() {
    return index.get();
  }

  public CostModel costModel() {
    return costModel;
  }

  /** The cost model's prediction, made once per (model, target, conditions) while it is cached. */
  Prediction estimate(Model model, Target target, Conditions conditions) {
    return predictions.estimate(costModel, model, target, conditions);
  }

  /** How many predictions the cache has had the cost model make, for a statement's budget. */
  long predictionsMade() {
    return predictions.made();
  }

  public Resolver resolver() {
    return resolver;
  }

  /** Models already built with their default parameters (at load, to validate them). */
  public void preload(List<Model> defaults) {
    defaults.forEach(m -> models.get(key(m.id(), Map.of()), k -> m));
  }

  /**
   * Models the build made with their default parameters, by id, each read when first used (the
   * knowledge-base snapshot's): building one at run time costs more than reading it.
   */
  public void preload(Supplier<? extends Map<String, ? extends Supplier<Model>>> defaults) {
    shipped = defaults;
  }

  private static String key(String id, Map<String, Object> params) {
    return id + params;
  }

  /** Builds (or reuses) a zoo model with parameters; errors become a diagnostic at {@code at}. */
  public Model model(ModelProfile profile, Map<String, Object> params, SourceText source, Span at) {
    return model(profile, params, source, at, Map.of());
  }

  /**
   * {@link #model(ModelProfile, Map, SourceText, Span)} where the query wrote the parameters: a
   * value the model refuses is reported at its argument in {@code argSpans} (by parameter name),
   * values it refuses together (a decoder step its window cannot hold) at the argument the refusal
   * names, any other build error at {@code at}.
   */
  public Model model(
      ModelProfile profile,
      Map<String, Object> params,
      SourceText source,
      Span at,
      Map<String, Span> argSpans) {
    // built and remembered by its canonical arguments; a refusal still points at what was written
    Map<String, Object> canonical = ModelArguments.canonical(profile, params);
    String key = key(profile.id(), canonical);
    return models.get(key, k -> build(profile, params, canonical, source, at, argSpans));
  }

  /**
   * A model not remembered: the snapshot's when it has the defaults, else built; a refusal becomes
   * a diagnostic at the argument it names or at {@code at}.
   */
  private Model build(
      ModelProfile profile,
      Map<String, Object> params,
      Map<String, Object> canonical,
      SourceText source,
      Span at,
      Map<String, Span> argSpans) {
    Supplier<Model> made = canonical.isEmpty() ? shipped.get().get(profile.id()) : null;
    if (made != null) {
      return made.get();
    }
    ModelBuilder.Result built = ModelBuilder.build(profile, canonical, kb.ops().keySet());
    if (!built.ok()) {
      for (var arg : argSpans.entrySet()) {
        ModelArguments.Refusal no =
            ModelArguments.refusal(profile, arg.getKey(), params.get(arg.getKey()));
        if (no != null) {
          throw refused(no, source, arg.getValue());
        }
      }
      ModelArguments.Blamed both = ModelArguments.together(profile, params);
      if (both != null) {
        throw refused(both.refusal(), source, argSpans.getOrDefault(both.parameter(), at));
      }
      Diagnostic first = built.diagnostics().get(0);
      ModelArguments.Blamed size =
          ModelArguments.unbuildable(profile, params, first, kb.ops().keySet());
      if (size != null) {
        throw refused(size.refusal(), source, argSpans.getOrDefault(size.parameter(), at));
      }
      throw new DevqException(
          Diagnostic.error(
                  DiagnosticCode.MODEL,
                  "cannot build " + profile.id() + ": " + first.message(),
                  source,
                  at)
              .withNote("in " + first.position()));
    }
    return built.model();
  }

  private static DevqException refused(ModelArguments.Refusal no, SourceText source, Span at) {
    return new DevqException(
        Diagnostic.error(DiagnosticCode.BAD_VALUE, no.message(), source, at)
            .withLabel(no.label())
            .withNote(no.hint()));
  }
}
