package dev.devq.cost;

import dev.devq.kb.ComputeUnit;
import dev.devq.kb.OsVersion;
import dev.devq.kb.Soc;
import java.util.List;

/**
 * A decoder's KV cache kept as the model's inputs and outputs, as it must be for a release before
 * Core ML's states (iOS 18 / macOS 15, the first release of {@code read_state}): the app passes the
 * whole cache in and takes an updated one back on every call. Apple's Llama 3.1 article describes
 * where the time goes: each attention block's update of a cache that is not state writes a new copy
 * of the whole tensor, and the app copies the output to the next call's input. Each copy reads and
 * writes the whole cache, at {@code kv_io_copy_share} of the DRAM bandwidth the copying unit
 * reaches, the share those copies reached in the article's own measurements of the cache as inputs
 * and outputs against the cache as state (M1 Max GPU, 128–1024 positions).
 *
 * <p>Both the input and the output cache are live during a call, so the cache counts twice in
 * memory; the copies' DRAM traffic counts in energy.
 *
 * @param copies whole-cache copies per call: one per attention block that updates the cache, and
 *     one from the output to the next input
 * @param bytes the cache's size
 * @param time seconds the copies take, part of the prediction's fixed time
 * @param measuredBytes the largest cache whose copies held that share ({@code
 *     kv_io_measured_bytes}); past it the article measured them 5 to 19 times slower, which the
 *     share does not predict
 * @param release the release the prediction is for
 * @param since the first release with Core ML states
 * @param unit the unit that makes the copies, once placed ({@link #at}); null before, or for none
 */
public record CacheCopies(
    int copies,
    double bytes,
    double time,
    double measuredBytes,
    OsVersion release,
    String since,
    ComputeUnit unit) {
  /** The source of the rule and of its constants, in {@code profiles/sources.yaml}. */
  public static final String SOURCE = "apple_llama_coreml";

  /** A cache kept as Core ML state, or no cache: nothing is copied. */
  static final CacheCopies NONE = new CacheCopies(0, 0, 0, 0, null, "", null);

  /** Whether the call copies its cache at all: false for a cache kept as state, or none. */
  public boolean any() {
    return copies > 0;
  }

  /** The cache is larger than any whose copies were measured at the rate charged. */
  public boolean beyondMeasured() {
    return bytes > measuredBytes;
  }

  /** Bytes the copies move through DRAM: each reads and writes the whole cache. */
  public double dramBytes() {
    return 2.0 * copies * bytes;
  }

  /**
   * The copies of {@code bytes} of cache a call makes with {@code blocks} blocks updating it, not
   * yet timed: their time depends on the unit placement puts the cache's layers on ({@link #at}).
   */
  static CacheCopies of(int blocks, double bytes, Coefficients k, OsVersion release, String since) {
    return new CacheCopies(
        blocks + 1, bytes, Double.NaN, k.get("kv_io_measured_bytes"), release, since, null);
  }

  /**
   * These copies timed on {@code soc} with {@code layers} placed: the unit that runs the first
   * layer reading the cache makes them (the blocks' updates are that unit's work; the app's copy of
   * the output is one in {@code copies}), at {@code kv_io_copy_share} of the DRAM bandwidth that
   * unit reaches ({@link UnitRates#bandwidth}: the CPU's own where a profile gives one, as on the
   * M1 Max, whose cores reach 243 of its 400 GB/s).
   */
  CacheCopies at(Soc soc, List<LayerCost> layers, Coefficients k) {
    if (!any()) {
      return this;
    }
    ComputeUnit unit = copier(layers);
    double bandwidth =
        unit == null ? soc.bandwidth().value().value() : UnitRates.bandwidth(soc, unit);
    double time = dramBytes() / (bandwidth * k.get("kv_io_copy_share"));
    return new CacheCopies(copies, bytes, time, measuredBytes, release, since, unit);
  }

  /** The unit of the first layer that reads the cache, or null when no layer does. */
  private static ComputeUnit copier(List<LayerCost> layers) {
    for (LayerCost c : layers) {
      if (c.layer().stateElements() > 0) {
        return c.unit();
      }
    }
    return null;
  }
}
