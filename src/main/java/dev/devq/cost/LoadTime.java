package dev.devq.cost;

import dev.devq.kb.ComputeUnit;
import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.Provenance;
import dev.devq.model.Layer;
import dev.devq.model.Model;
import java.util.List;

/**
 * Time to load a model before its first prediction: its weights read from storage at the target's
 * read speed ({@link StorageRead}), a setup per layer, and on a first launch the uncached compile
 * of what placement put on the Neural Engine.
 *
 * <p>The compile is charged by the weight bytes it compiles, at {@code ane_compile_rate}: published
 * first launches of Whisper and Stable Diffusion models (hundreds of MB to 3 GB) took from 23 s to
 * 9 min, which a charge per layer would put at one or two seconds. The rows pin one rate and leave
 * a wide spread (the constant's note and docs/cost-model.md give both), so the compile is an
 * estimate. No source times what a first launch prepares for the CPU or the GPU, so layers there
 * are charged none.
 *
 * <pre>{@code
 * load_time(whisper_large_encoder, mac_mini_m1, start = first)   // 1.27 GB on the engine
 * }</pre>
 */
final class LoadTime {
  private final StorageRead genericRead;
  private final double setupPerLayer;
  private final double compileRate;
  private final double compileLow;
  private final double compileHigh;

  LoadTime(KnowledgeBase kb, Coefficients coefficients) {
    Provenance generic = kb.constants().get(GENERIC).value().provenance();
    double speed = coefficients.get(GENERIC);
    // the range never narrows the generic figure: it spans at least the figure itself
    this.genericRead =
        new StorageRead(
            speed,
            Math.max(speed, coefficients.get("storage_read_range_p90")),
            Math.min(speed, coefficients.get("storage_read_range_p10")),
            generic.source(),
            generic.confidence(),
            Double.NaN);
    this.setupPerLayer = coefficients.get("load_time_per_layer");
    this.compileRate = coefficients.get("ane_compile_rate");
    this.compileLow = coefficients.get("ane_compile_range_p10");
    this.compileHigh = coefficients.get("ane_compile_range_p90");
  }

  /** The constant a device without a measured read reads at. */
  private static final String GENERIC = "storage_read_bandwidth";

  /** A load with the compiled model cached, or with no compile at all (the other runtimes). */
  Load cached(Model model, double weightBytes, Target target) {
    return of(model, weightBytes, target, 0);
  }

  /**
   * A load as placed: a first launch adds the compile of the Neural Engine's weights, with the
   * compile's own range.
   */
  Load of(
      Model model, double weightBytes, Target target, boolean firstLaunch, List<LayerCost> placed) {
    return of(
        model,
        weightBytes,
        target,
        firstLaunch ? engineWeightBytes(model, placed) / compileRate : 0);
  }

  private Load of(Model model, double weightBytes, Target target, double compile) {
    StorageRead storage = StorageRead.of(target.device(), genericRead);
    double read = storage.seconds(weightBytes);
    double setup = model.layers().size() * setupPerLayer;
    return new Load(
        read + setup + compile,
        read,
        weightBytes / storage.fastest(),
        weightBytes / storage.slowest(),
        compile,
        compile * compileLow,
        compile * compileHigh,
        storage);
  }

  /**
   * Bytes of the weights of the layers placed on the Neural Engine, tied weights once (their owner
   * holds them): what a first launch compiles for the engine.
   */
  static double engineWeightBytes(Model model, List<LayerCost> placed) {
    double bytes = 0;
    for (LayerCost c : placed) {
      Layer l = c.layer();
      if (c.unit() == ComputeUnit.ANE && !l.tied()) {
        bytes += model.weightBytes(l);
      }
    }
    return bytes;
  }
}
