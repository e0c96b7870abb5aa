package dev.devq.cost;

import dev.devq.kb.ComputeUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Core ML's fitted constants in one table: each with the fitter's neutral start and the physical
 * bounds it must stay inside, and why. Tied constants ({@link Coefficients#TIED}) are not in it:
 * they take the value of the one they are tied to. The runtimes beside Core ML have their own table
 * ({@link RuntimeConstants}).
 */
public final class CoreMlConstants {
  private CoreMlConstants() {}

  /** The fitter's starting point of every Core ML constant. */
  static Map<String, Double> neutral() {
    Map<String, Double> v = new LinkedHashMap<>();
    table().forEach((name, c) -> v.put(name, c.neutral()));
    return v;
  }

  /** Lower and upper bound of every Core ML constant the fit moves. */
  public static Map<String, double[]> bounds() {
    Map<String, double[]> v = new LinkedHashMap<>();
    table().forEach((name, c) -> v.put(name, new double[] {c.low(), c.high()}));
    return v;
  }

  private record Constant(double neutral, double low, double high) {}

  // built on each call, not held in a field: Coefficients reads it while its own statics are set
  private static Map<String, Constant> table() {
    Map<String, Constant> t = new LinkedHashMap<>();
    for (ComputeUnit u : ComputeUnit.values()) {
      for (String cls : Coefficients.CLASSES) {
        // Convolutions and matrix products reach at least 2% of the peak they are measured
        // against; lower bounds keep the fit from explaining a slow model by one absurdly slow op
        // class. Element-wise and normalisation work ("other") is measured against the same
        // multiply-accumulate peak but cannot use it: it does about one FLOP per element it moves,
        // so it runs at the rate a unit streams elements through its vector path, a hundred to a
        // thousand times below that peak (an A16's 17 TOPS against ~100 GB/s of cache traffic).
        // The Neural Engine's element-wise work has no efficiency of its own: it runs on the
        // engine's vector path at output.ane per output byte, below.
        if (u != ComputeUnit.ANE || !cls.equals("other")) {
          put(t, "eff." + u.key() + "." + cls, 0.3, cls.equals("other") ? 1e-3 : 0.02, 1.0);
        }
      }
      // A layer's dispatch at a 3 GHz P-core: microseconds, not milliseconds. The Neural Engine
      // has none per layer (it pays per segment, ane_dispatch).
      if (u != ComputeUnit.ANE) {
        put(t, "overhead." + u.key(), 10e-6, 1e-6, 2e-4);
      }
    }
    // The Neural Engine's vector path (a convolution's bias, activation and write-out, and every
    // element-wise layer), in output bytes per second as a fraction of the engine's peak in
    // operations per second: at most one byte per peak operation, at least a rate at which an
    // A16's engine would write its output at 1.7 GB/s, far slower than DRAM takes it.
    put(t, "output.ane", 0.01, 1e-4, 1.0);
    put(t, "bw_eff", 0.7, 0.2, 1.0);
    put(t, "act_bw_factor", 2.0, 1.0, 20.0);
    // A hand-over between units is a synchronisation (the producer's completion, the consumer's
    // wake-up) plus a layout conversion on the CPU: tens of microseconds to a couple of ms.
    put(t, "switch", 50e-6, 1e-5, 2e-3);
    put(t, "fixed", 100e-6, 1e-6, 10e-3);
    // Submitting a compiled program to the Neural Engine: a microsecond at best (a doorbell write
    // to a loaded program), a few ms at worst.
    put(t, "ane_dispatch", 50e-6, 1e-6, 3e-3);
    // Measurements on iOS 13 ran the Neural Engine's programs of an older compiler: never faster
    // than today's, and not more than several times slower...
    put(t, "os13.ane_factor", 1.5, 1.0, 6.0);
    // ... and their GPU layers through Core ML 3's path: a per-layer cost of its own, from a
    // kernel's encoding (microseconds) to a command buffer committed and waited on per layer, a
    // round trip to the GPU of up to a millisecond.
    put(t, "os13.overhead.gpu", 10e-6, 1e-6, 1e-3);
    // Submitting a program to the Neural Engine as older releases did: the iOS 16 rows of small
    // networks on the engine ran a few tenths of a millisecond slower than their layers, the iOS 17
    // rows of the A16 and A17 Pro almost none (MobileNetV3-Small in 0.13 ms), and iOS 13's about a
    // millisecond; the CPU-only rows of iOS 13 show none of it. In ane_dispatch's bounds.
    put(t, "os13.ane_dispatch", 100e-6, 1e-6, 3e-3);
    put(t, "os16.ane_dispatch", 100e-6, 1e-6, 3e-3);
    // Core ML 3 with the GPU allowed paid a cost per prediction whichever units ran the layers: the
    // iPhone 11 Pro's MobileNetV2 at width 0.35 and 96 pixels took 5 ms with the GPU allowed and 2
    // ms on the CPU alone, ResNet-18 35 ms against 20 (placement, which picks the faster units,
    // cannot be slower for being allowed more). A Metal context's synchronisation, and in a
    // benchmark loop the GPU's wake from idle: up to milliseconds.
    put(t, "os13.gpu_allowed", 1e-3, 1e-6, 10e-3);
    return t;
  }

  private static void put(
      Map<String, Constant> t, String name, double neutral, double low, double high) {
    if (!Coefficients.TIED.containsKey(name)) {
      t.put(name, new Constant(neutral, low, high));
    }
  }
}
