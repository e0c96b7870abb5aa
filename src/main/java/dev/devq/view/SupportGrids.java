package dev.devq.view;

import dev.devq.kb.ComputeUnit;
import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.OsVersion;
import dev.devq.kb.Soc;
import dev.devq.lang.Remembered;

/**
 * The support grids of one knowledge base, one per set of options (unit, SoC, OS release), each
 * remembering the blocks it rendered. A REPL session's searches share them: a new search sorts no
 * SoC columns and renders no op the session's warm-up or an earlier search rendered with the same
 * options, which was a tenth of a warm search's time (JFR, a loop of new searches) and most of one
 * under {@code --os} (its rule reads each cell's release requirement).
 */
final class SupportGrids {
  /** Sets of options kept: a session uses a few. */
  private static final int GRIDS = 32;

  private final KnowledgeBase kb;
  private final Remembered<String, SupportGrid> grids = new Remembered<>(GRIDS);

  private SupportGrids(KnowledgeBase kb) {
    this.kb = kb;
  }

  /** The grids of {@code kb}, made on the first search of it. */
  static SupportGrids of(KnowledgeBase kb) {
    return kb.derived(SupportGrids.class, SupportGrids::new);
  }

  /** The grid of these options (each null for all units, the generations' columns, the newest). */
  SupportGrid grid(ComputeUnit onlyUnit, Soc onlySoc, OsVersion os) {
    // a string key rather than a record: a record's equality spins method handles on the first
    // search of a one-shot process
    String key =
        (onlyUnit == null ? "" : onlyUnit.name())
            + "|"
            // a device's part shares its chip's id but not its last OS (an iPhone XS, an A12)
            + (onlySoc == null ? "" : onlySoc.id() + ":" + onlySoc.line() + onlySoc.variant())
            + "|"
            + (os == null ? "" : os.toString());
    return grids.get(key, k -> new SupportGrid(kb, onlyUnit, onlySoc, os));
  }
}
