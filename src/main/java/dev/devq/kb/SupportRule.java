package dev.devq.kb;

/**
 * The one answer to "can compute unit U of SoC S run op O under OS V": {@code supported()}, the
 * cost model's placement and the search grid all ask it, so they cannot disagree.
 *
 * <p>The catalog's status holds from the op's first OS on (the opset that added it; before it the
 * op does not exist, so {@code no}) and from its first SoC generation on. A {@code since.soc} marks
 * the oldest chip the evidence covers, so an older chip is {@code unknown}, not {@code no}: outside
 * a source's tested range nothing is known. A Neural Engine Core ML cannot use is {@code no}, and
 * so is every unit under an OS release the chip's devices do not run: newer than their last one, or
 * of a platform none of them runs (macOS on an A16, iOS on an M1 Pro, which ships only in Macs).
 * With no release asked, the newest the chip's devices run is meant: an op from a later release
 * than that (the fused attention of iOS 18 on an A11, whose iPhones stop at iOS 16) is {@code no}.
 * {@code unknown} stays unknown: the grid shows it as {@code ?}, {@code supported()} does not claim
 * it, and placement may use the unit but says so in {@code explain}. A catalog {@code no} holds on
 * the chips and releases its source tested, and is {@code unknown} elsewhere ({@link
 * Cause#UNTESTED}); so do shape limits, which depend on a layer and are checked by placement on top
 * of this rule ({@link #limitHolds}): a 2020 observation is not applied to a 2025 chip.
 *
 * <pre>{@code
 * SupportRule.status(kb, customLayer, a14, ComputeUnit.ANE, null)              // NO
 * SupportRule.status(kb, gather, a17Pro, ComputeUnit.ANE, null)                // UNKNOWN: a 2020 list
 * SupportRule.status(kb, sdpa, a11, ComputeUnit.GPU, OsVersion.parse("iOS 18"))  // NO: A11 stops at iOS 16
 * }</pre>
 */
public final class SupportRule {
  private SupportRule() {}

  /** Why a status is {@code no} where the catalog alone would not say so. */
  public enum Cause {
    /** the catalog's own status */
    CATALOG,
    /** a Neural Engine Core ML does not use (A11) */
    NO_COREML_ANE,
    /** a SoC older than the oldest generation the op's evidence covers (unknown) */
    BEFORE_SOC,
    /** a catalog {@code no} whose source tested other chips or older releases (unknown here) */
    UNTESTED,
    /** an OS older than the op's first OS */
    BEFORE_OS,
    /** an OS release newer than the last one the SoC's devices run */
    AFTER_LAST_OS,
    /** an OS release older than the first one the SoC's devices shipped with */
    BEFORE_FIRST_OS,
    /** an OS of a platform none of the SoC's devices runs ({@link KnowledgeBase#runsPlatform}) */
    OTHER_PLATFORM,
    /**
     * no OS asked, and the op's first OS is newer than the last release every device with the SoC
     * runs: an A11's iPhones stop at iOS 16, so an op from iOS 18 never reaches them
     */
    NEVER_REACHES_OS
  }

  /** A status and what decided it. */
  public record Verdict(SupportStatus status, Cause cause) {
    /** Whether the unit may run the op: yes, partial, or unknown (which placement notes). */
    public boolean mayRun() {
      return status != SupportStatus.NO;
    }

    /** Whether a source says the unit runs the op: yes or partial. */
    public boolean known() {
      return status == SupportStatus.YES || status == SupportStatus.PARTIAL;
    }
  }

  /** The status of {@code op} on {@code unit} of {@code soc}; {@code os} null means any OS. */
  public static Verdict verdict(KnowledgeBase kb, Op op, Soc soc, ComputeUnit unit, OsVersion os) {
    // A release no device with the chip runs rules out every unit, so it is the reason given.
    Cause notRun = releaseNotRun(kb, soc, os);
    if (notRun != null) {
      return new Verdict(SupportStatus.NO, notRun);
    }
    if (unit == ComputeUnit.ANE && !soc.coremlAne()) {
      return new Verdict(SupportStatus.NO, Cause.NO_COREML_ANE);
    }
    Support s = op.supportOn(unit);
    if (s.status() == SupportStatus.NO) {
      // a refusal seen on other chips or older releases says nothing here, as a limit's does not
      return noHolds(kb, s, soc, os)
          ? new Verdict(SupportStatus.NO, Cause.CATALOG)
          : new Verdict(SupportStatus.UNKNOWN, Cause.UNTESTED);
    }
    if (os != null && !os.allows(s.sinceOs())) {
      return new Verdict(SupportStatus.NO, Cause.BEFORE_OS);
    }
    if (os == null && newestRun(kb, soc, s.sinceOs()) != null) {
      return new Verdict(SupportStatus.NO, Cause.NEVER_REACHES_OS);
    }
    Soc since = s.sinceSoc().isEmpty() ? null : kb.socs().get(s.sinceSoc());
    if (since != null && designYear(kb, soc) < designYear(kb, since)) {
      return new Verdict(SupportStatus.UNKNOWN, Cause.BEFORE_SOC);
    }
    return new Verdict(s.status(), Cause.CATALOG);
  }

  /**
   * The year of the chip's generation: an A12Z (2020) carries the A12's Neural Engine and GPU
   * (2018), so a claim known "from the A14 on" does not reach it though it shipped the A14's year.
   */
  private static int designYear(KnowledgeBase kb, Soc soc) {
    Soc base = kb.socs().get(soc.generation());
    return (base == null ? soc : base).year().value();
  }

  /**
   * Whether a catalog {@code no} holds on {@code soc} under {@code os}: inside the tested range of
   * the source the status rests on ({@link TestedRange}). {@code os} null means the newest release.
   */
  private static boolean noHolds(KnowledgeBase kb, Support s, Soc soc, OsVersion os) {
    Source source = statusSource(kb, s);
    return source == null || source.tested().covers(soc, os);
  }

  /**
   * The source a unit's status rests on: its own {@code source}, else the op's; null if unknown.
   */
  public static Source statusSource(KnowledgeBase kb, Support s) {
    return kb.sources().get(s.provenance().source());
  }

  /**
   * Whether the limit written under {@code key} ({@code max_kernel}) of {@code op} on {@code unit}
   * is known to hold on {@code soc} under {@code os}: inside the tested range of the limit's source
   * ({@link TestedRange}). Outside it a layer beyond the limit is not refused; its support is
   * {@code unknown}. {@code os} null means any (the newest) release.
   */
  public static boolean limitHolds(
      KnowledgeBase kb, Op op, ComputeUnit unit, String key, Soc soc, OsVersion os) {
    Source source = kb.sources().get(op.supportOn(unit).limits().sourceOf(key));
    return source == null || source.tested().covers(soc, os);
  }

  /**
   * The newest release a device with {@code soc} runs, when it is older than {@code sinceOs}
   * ({@code "iOS 18 / macOS 15"}) on every platform its devices run; null when one of them reaches
   * it, or still gets new releases (no last one yet). What "no OS asked" means is the newest the
   * target runs, so an op it never gets is not run, as under that release asked for.
   */
  public static OsVersion newestRun(KnowledgeBase kb, Soc soc, String sinceOs) {
    if (sinceOs.isEmpty()) {
      return null;
    }
    OsVersion newest = null;
    for (String platform : PLATFORMS) {
      if (!kb.runsPlatform(soc, platform)) {
        continue;
      }
      var last = soc.lastOs(platform);
      if (last.isEmpty()) {
        return null;
      }
      OsVersion release = new OsVersion(platform, last.getAsInt());
      if (release.allows(sinceOs)) {
        return null;
      }
      newest = newest == null ? release : newest;
    }
    return newest;
  }

  /** The platforms a release can be of ({@link OsVersion#platform()}). */
  private static final java.util.List<String> PLATFORMS = java.util.List.of("ios", "macos");

  /**
   * Whether some device with {@code soc} runs release {@code os}: one of them runs its platform,
   * the chip's last release of that platform, if it has one yet, is not older, and the first its
   * devices shipped with is not newer.
   */
  public static boolean runs(KnowledgeBase kb, Soc soc, OsVersion os) {
    return releaseNotRun(kb, soc, os) == null;
  }

  /**
   * Why no device with {@code soc} runs {@code os}: {@link Cause#OTHER_PLATFORM}, {@link
   * Cause#AFTER_LAST_OS} or {@link Cause#BEFORE_FIRST_OS}, in that order; null when some device
   * does, or {@code os} is null (the newest it runs).
   */
  public static Cause releaseNotRun(KnowledgeBase kb, Soc soc, OsVersion os) {
    if (os == null) {
      return null;
    }
    if (!kb.runsPlatform(soc, os.platform())) {
      return Cause.OTHER_PLATFORM;
    }
    if (soc.lastOs(os.platform()).orElse(Integer.MAX_VALUE) < os.major()) {
      return Cause.AFTER_LAST_OS;
    }
    return kb.firstOs(soc, os.platform()).orElse(0) > os.major() ? Cause.BEFORE_FIRST_OS : null;
  }

  /**
   * Empty when some device with {@code soc} runs {@code os} (null: the newest it runs), else why
   * none does, in {@link #reason}'s words: a release no device runs rules out the whole target, not
   * one layer.
   */
  public static String whyNoneRuns(KnowledgeBase kb, Soc soc, OsVersion os) {
    Cause cause = releaseNotRun(kb, soc, os);
    return cause == null
        ? ""
        : reason(kb, null, soc, null, os, new Verdict(SupportStatus.NO, cause));
  }

  /**
   * {@code "this iPhone shipped with iOS 16: it never ran iOS 15"} for a device's part, {@code "no
   * device with the A19 runs iOS 18; the first shipped with iOS 26"} for a chip.
   */
  private static String beforeFirstWords(KnowledgeBase kb, Soc soc, OsVersion os) {
    int first = kb.firstOs(soc, os.platform()).orElseThrow();
    if (!soc.line().isEmpty()) {
      OsLine line = OsLine.parse(soc.line());
      return "this "
          + line.devices()
          + " shipped with "
          + line.release(first)
          + ": it never ran "
          + line.release(os.major());
    }
    return "no device with the "
        + soc.name()
        + " runs "
        + os
        + "; the first shipped with "
        + new OsVersion(os.platform(), first);
  }

  /**
   * {@code "no iPhone with the A11 Bionic runs iOS 18; their last is iOS 16"}: the kind of device
   * whose last release it is, or "device" where a chip's iPhones and iPads stop at different ones.
   */
  private static String afterLastWords(Soc soc, OsVersion os) {
    Last last = Last.of(soc, os.platform());
    // an iPad's release by its own name: "iPadOS 27", which OsVersion keeps as iOS 27
    return "no "
        + last.devices()
        + " with the "
        + soc.name()
        + " runs "
        + (last.bothLines() ? os.toString() : last.line().release(os.major()))
        + "; their last is "
        + last.release();
  }

  /**
   * {@code "no source settles whether the Neural Engine runs it here: the one that says it does not
   * covers a12, a13; to iOS 14"}; the callers name that source.
   */
  private static String untestedWords(KnowledgeBase kb, Op op, ComputeUnit unit) {
    Source source = statusSource(kb, op.supportOn(unit));
    return "no source settles whether the "
        + unit.title()
        + " runs it here: the one that says it does not covers "
        + source.tested().describe();
  }

  /**
   * {@code "no iPhone with the A11 Bionic gets it: their last release is iOS 16"}, for an op whose
   * first release is newer than the last a device with {@code soc} runs on {@code platform}.
   */
  private static String lastWords(Soc soc, String platform) {
    Last last = Last.of(soc, platform);
    return "no "
        + last.devices()
        + " with the "
        + soc.name()
        + " gets it: their last release is "
        + last.release();
  }

  /**
   * The last release of a platform a chip's devices run, with the line that gives it ({@code
   * ipados} for an A12, whose iPads outlast its iPhones) and whether the chip's iPhones and iPads
   * both stopped (then they are named "device").
   */
  private record Last(OsLine line, int major, boolean bothLines) {
    static Last of(Soc soc, String platform) {
      boolean lines =
          soc.lastOs().containsKey(OsLine.IOS.key())
              && soc.lastOs().containsKey(OsLine.IPADOS.key());
      return new Last(
          OsLine.parse(soc.lastOsLine(platform)),
          soc.lastOs(platform).orElseThrow(),
          platform.equals(OsLine.IOS.platform()) && lines);
    }

    String devices() {
      return bothLines ? "device" : line.devices();
    }

    String release() {
      return line.release(major);
    }
  }

  /** The devices of a part's release line, or "device" for a chip's own (any of its devices). */
  private static String devices(String line) {
    return line.isEmpty() ? "device" : OsLine.parse(line).devices();
  }

  /**
   * A verdict in words, without the op's name: {@code "Neural Engine support starts with iOS 18 /
   * macOS 15"}, {@code "no iPhone with the A11 Bionic runs iOS 18; their last is iOS 16"}. Empty
   * for a unit the catalog says runs the op. Placement's refusals and a failing {@code supported()}
   * check both read it, so they word one cause alike. {@code op} may be null for the causes that
   * come from the chip alone.
   */
  public static String reason(
      KnowledgeBase kb, Op op, Soc soc, ComputeUnit unit, OsVersion os, Verdict v) {
    return switch (v.cause()) {
      case NO_COREML_ANE -> "the " + soc.name() + " Neural Engine is not available to Core ML";
      case OTHER_PLATFORM ->
          "no " + devices(soc.line()) + " with the " + soc.name() + " runs " + os.platformNames();
      case AFTER_LAST_OS -> afterLastWords(soc, os);
      case BEFORE_FIRST_OS -> beforeFirstWords(kb, soc, os);
      case BEFORE_OS -> unit.title() + " support starts with " + op.supportOn(unit).sinceOs();
      case NEVER_REACHES_OS ->
          unit.title()
              + " support starts with "
              + op.supportOn(unit).sinceOs()
              + ", and "
              + lastWords(soc, newestRun(kb, soc, op.supportOn(unit).sinceOs()).platform());
      case BEFORE_SOC ->
          unit.title()
              + " support is known from the "
              + kb.socs().get(op.supportOn(unit).sinceSoc()).name()
              + " on, and the "
              + soc.name()
              + " is older";
      case UNTESTED -> untestedWords(kb, op, unit);
      case CATALOG ->
          switch (v.status()) {
            case NO -> "no " + unit.title() + " support";
            case UNKNOWN -> "no source settles whether the " + unit.title() + " runs it";
            case YES, PARTIAL -> "";
          };
    };
  }

  /** {@link #verdict}'s status alone. */
  public static SupportStatus status(
      KnowledgeBase kb, Op op, Soc soc, ComputeUnit unit, OsVersion os) {
    return verdict(kb, op, soc, unit, os).status();
  }
}
