package dev.devq.cost;

import dev.devq.kb.ComputeUnit;
import dev.devq.model.Layer;
import dev.devq.model.Model;
import java.util.List;

/**
 * Time to load a model before its first prediction: its weights read from storage, a setup per
 * layer, and on a first launch the uncached compile of what placement put on the Neural Engine.
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
  private final double storageRead;
  private final double setupPerLayer;
  private final double compileRate;
  private final double compileLow;
  private final double compileHigh;

  LoadTime(Coefficients coefficients) {
    this.storageRead = coefficients.get("storage_read_bandwidth");
    this.setupPerLayer = coefficients.get("load_time_per_layer");
    this.compileRate = coefficients.get("ane_compile_rate");
    this.compileLow = coefficients.get("ane_compile_range_p10");
    this.compileHigh = coefficients.get("ane_compile_range_p90");
  }

  /** A load with the compiled model cached, or with no compile at all (the other runtimes). */
  double cached(Model model, double weightBytes) {
    return weightBytes / storageRead + model.layers().size() * setupPerLayer;
  }

  /**
   * A load as placed: a first launch adds the compile of the Neural Engine's weights, with the
   * compile's own range.
   */
  Load of(Model model, double weightBytes, boolean firstLaunch, List<LayerCost> placed) {
    double compile = firstLaunch ? engineWeightBytes(model, placed) / compileRate : 0;
    return new Load(
        cached(model, weightBytes) + compile, compile, compile * compileLow, compile * compileHigh);
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
