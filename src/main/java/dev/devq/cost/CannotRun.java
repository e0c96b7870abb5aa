package dev.devq.cost;

import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.OsVersion;
import dev.devq.kb.SupportRule;
import dev.devq.lang.unit.Dimensions;
import dev.devq.lang.unit.Quantity;
import dev.devq.lang.unit.QuantityFormat;
import java.util.Optional;

/**
 * Why a model cannot run on a target: it needs more memory than the target lets it use ({@link
 * Memory}), or the target never runs the OS release the estimate asked for ({@link Release}). An
 * estimate of such a model is this, not a latency; every front end shows {@link #reason()} after
 * {@code cannot run: }.
 */
public sealed interface CannotRun permits CannotRun.Memory, CannotRun.Release {
  /** The model's label ({@code llama_2_13b}). */
  String model();

  /** The target as the query named it ({@code iphone_12}). */
  String target();

  /** Why, in one sentence without "cannot run". */
  String reason();

  /** What {@link #model} names: a model, or an op {@code supported()} asked about. */
  default String kind() {
    return "model";
  }

  /**
   * The model needs more memory than the target allows ({@link MemoryLimit}).
   *
   * @param model the model's label ({@code llama_2_13b})
   * @param target the target as the query named it ({@code iphone_12})
   * @param targetName the device's name ({@code iPhone 12}), or a bare SoC's ({@code A14 Bionic}; a
   *     binned part's with its parameters, {@code M4 Max (gpu_cores = 32, cpu_cores = 14)})
   * @param needs the model's memory in bytes, as {@code memory()} gives it
   * @param limit what the target allows
   * @param chip the target is a bare SoC, whose limit is the most of its devices' ({@link
   *     ChipRoom})
   */
  record Memory(
      String model, String target, String targetName, double needs, MemoryLimit limit, boolean chip)
      implements CannotRun {

    /** {@code llama_2_13b needs 26.9 GB; an app on iPhone 12 may use 2.1 GB}. */
    @Override
    public String reason() {
      return model + " needs " + needsText() + "; " + allowance();
    }

    /**
     * What the target allows, in words: {@code an app on iPhone 12 may use 2.1 GB}; for a bare SoC
     * the most any of its devices allows, and which: {@code no M1 device has room: the most an app
     * may use is 16 GB, on MacBook Air (M1, 2020) in its 16 GB configuration}.
     */
    public String allowance() {
      if (chip) {
        return "no " + targetName + " device has room: " + mostOfAChip();
      }
      return limit.gpuMemory()
          ? "llama.cpp on Metal may keep " + allowsText() + " in GPU memory on " + targetName
          : "an app on "
              + targetName
              + " may use "
              + allowsText()
              + entitlementWords()
              + (limit.entitledUnknown()
                  ? " (its limit with the increased-memory-limit entitlement is not known)"
                  : "");
    }

    /** The most a chip's devices allow, on which device and configuration. */
    private String mostOfAChip() {
      String on =
          ", on "
              + limit.device()
              + (limit.largerConfiguration()
                  ? " in its "
                      + QuantityFormat.format(Quantity.of(limit.configRam(), Dimensions.BYTES))
                      + " configuration"
                  : "");
      String doubt =
          limit.entitledUnknown()
              ? " (the limit with the increased-memory-limit entitlement of some of its devices is"
                  + " not known)"
              : "";
      if (limit.gpuMemory()) {
        return "llama.cpp on Metal may keep at most " + allowsText() + " in GPU memory" + on;
      }
      if (limit.ramOnly()) {
        return "the most an app could use is "
            + allowsText()
            + on
            + ", its RAM (no source gives that configuration's app limit)"
            + doubt;
      }
      return "the most an app may use is " + allowsText() + on + entitlementWords() + doubt;
    }

    private String entitlementWords() {
      return limit.withEntitlement() ? " with the increased-memory-limit entitlement" : "";
    }

    /** The model's memory as a quantity. */
    public Quantity needsQuantity() {
      return Quantity.of(needs, Dimensions.BYTES);
    }

    /** The limit as a quantity. */
    public Quantity allowsQuantity() {
      return Quantity.of(limit.bytes(), Dimensions.BYTES);
    }

    /** {@code 26.9 GB}. */
    public String needsText() {
      return QuantityFormat.format(needsQuantity());
    }

    /** {@code 2.1 GB}. */
    public String allowsText() {
      return QuantityFormat.format(allowsQuantity());
    }
  }

  /**
   * The target never runs the OS release asked for ({@code os = "iOS 18"}): no device with its chip
   * runs that platform, the release came after the last one its devices run, or before the first
   * they shipped with. {@link SupportRule#releaseNotRun} is the one classification; the words are
   * {@link SupportRule#whyNoneRuns}'s, as the search grid and {@code supported()} say them.
   *
   * @param model the model's label
   * @param target the target as the query named it ({@code iphone_17})
   * @param release the release asked for
   * @param cause {@code OTHER_PLATFORM}, {@code AFTER_LAST_OS} or {@code BEFORE_FIRST_OS}
   * @param words {@code this iPhone shipped with iOS 26: it never ran iOS 18}
   */
  record Release(
      String model,
      String target,
      OsVersion release,
      SupportRule.Cause cause,
      String words,
      String kind)
      implements CannotRun {

    @Override
    public String reason() {
      return words;
    }

    /**
     * Why {@code model} cannot run on {@code target} under {@code c}'s release, or empty when the
     * target runs it (or no release was asked for: the newest the target runs). Every estimate asks
     * this before the cost model, which refuses such a release as an error.
     */
    public static Optional<CannotRun> of(
        KnowledgeBase kb, String model, Target target, Conditions c) {
      return of(kb, model, "model", target, c.os());
    }

    /**
     * Why {@code what}, of {@code kind} ({@code model}, or {@code op} that {@code supported()} asks
     * about), has nothing to run on {@code target} under {@code os}, or empty when the target runs
     * that release.
     */
    public static Optional<CannotRun> of(
        KnowledgeBase kb, String what, String kind, Target target, OsVersion os) {
      SupportRule.Cause cause = SupportRule.releaseNotRun(kb, target.soc(), os);
      if (cause == null) {
        return Optional.empty();
      }
      String words = SupportRule.whyNoneRuns(kb, target.soc(), os);
      return Optional.of(new Release(what, target.label(), os, cause, words, kind));
    }
  }
}
