package dev.devq.query.eval;

import dev.devq.cost.Conditions;
import dev.devq.cost.CostModel;
import dev.devq.cost.Prediction;
import dev.devq.cost.Target;
import dev.devq.model.Model;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Predictions already made, shared by every statement of an engine: a sweep that asks for the same
 * (model, target, conditions) again ({@code latency(m, ?, throttled)} in a REPL, a quantifier
 * inside another) computes it once. The cost model is a pure function of immutable inputs, so a
 * cached prediction is the one it would make again.
 *
 * <p>Memory stays bounded: the least recently used predictions are dropped once the layers held
 * pass {@link #MAX_LAYERS}, whatever the number of predictions a sweep makes.
 */
final class PredictionCache {
  /** Layer costs held at most: a few tens of megabytes. */
  static final long MAX_LAYERS = Long.getLong("devq.cache.layers", 400_000L);

  /**
   * Models, SoCs and devices by identity: the engine builds one model per (id, parameters), and a
   * record's own equality would walk every layer and fact for each lookup.
   */
  private record Key(Model model, Object soc, Object device, String label, Conditions conditions) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && model == k.model
          && soc == k.soc
          && device == k.device
          && label.equals(k.label)
          && conditions.equals(k.conditions);
    }

    @Override
    public int hashCode() {
      int h = System.identityHashCode(model);
      h = 31 * h + System.identityHashCode(soc);
      h = 31 * h + System.identityHashCode(device);
      return 31 * (31 * h + label.hashCode()) + conditions.hashCode();
    }
  }

  private final Map<Key, Prediction> predictions = new LinkedHashMap<>(256, 0.75f, true);
  private final long maxLayers;
  private long layers;

  PredictionCache() {
    this(MAX_LAYERS);
  }

  private long made;

  PredictionCache(long maxLayers) {
    this.maxLayers = maxLayers;
  }

  /** How many predictions the cost model has made for this cache (its misses), ever. */
  synchronized long made() {
    return made;
  }

  /** How many predictions are held. */
  synchronized int size() {
    return predictions.size();
  }

  /** The prediction of {@code model} on {@code target}, from the cache or the cost model. */
  Prediction estimate(CostModel costModel, Model model, Target target, Conditions conditions) {
    var key = new Key(model, target.soc(), target.device(), target.label(), conditions);
    synchronized (this) {
      Prediction cached = predictions.get(key);
      if (cached != null) {
        return cached;
      }
    }
    Prediction made = costModel.estimate(model, target, conditions);
    synchronized (this) {
      this.made++;
      if (predictions.put(key, made) == null) {
        layers += made.layers().size() + 1;
      }
      var oldest = predictions.entrySet().iterator();
      while (layers > maxLayers && oldest.hasNext()) {
        layers -= oldest.next().getValue().layers().size() + 1;
        oldest.remove();
      }
    }
    return made;
  }
}
