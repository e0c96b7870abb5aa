package dev.devq.view;

import dev.devq.cost.LayerCost;
import dev.devq.cost.Prediction;
import dev.devq.cost.Runtime;
import dev.devq.kb.ComputeUnit;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a runtime other than Core ML ran an estimate's layers on, in words for {@code explain}'s
 * header ({@code runtime = llama_cpp (Metal GPU)}): {@code units} is Core ML's setting, and shown
 * for those runtimes it reads as if the Neural Engine had been in play. Read from the layers
 * themselves, so it says what the estimate did, not what was asked.
 */
final class RunsOn {
  private RunsOn() {}

  /** Whether {@code units} is the setting that chose the units ({@code runtime = coreml}). */
  static boolean unitsApply(Prediction est) {
    return est.conditions().runtime() == Runtime.COREML;
  }

  /** {@code Metal GPU}, {@code CPU}, {@code XNNPACK on the CPU}; units joined by "and". */
  static String words(Prediction est) {
    Runtime runtime = est.conditions().runtime();
    var words = new java.util.ArrayList<String>();
    for (ComputeUnit u : units(est)) {
      words.add(
          u == ComputeUnit.GPU && runtime == Runtime.LLAMA_CPP
              ? "Metal GPU"
              : u == ComputeUnit.CPU && runtime == Runtime.EXECUTORCH
                  ? "XNNPACK on the CPU"
                  : u.key().toUpperCase(java.util.Locale.ROOT));
    }
    return String.join(" and ", words);
  }

  /** The units the layers ran on, in the order met. */
  static Set<ComputeUnit> units(Prediction est) {
    Set<ComputeUnit> units = new LinkedHashSet<>();
    for (LayerCost c : est.layers()) {
      units.add(c.unit());
    }
    return units;
  }
}
