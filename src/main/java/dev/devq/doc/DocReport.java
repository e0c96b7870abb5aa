package dev.devq.doc;

import java.util.List;

/**
 * What {@code devq doc} found in one document: the outcomes and errors of its blocks, the results
 * that were stale (and, unless checking, rewritten), and whether the file was replaced.
 *
 * @param writeError why the file could not be replaced (an I/O failure), or empty
 */
public record DocReport(FileResult result, List<Stale> stale, boolean written, String writeError) {
  public DocReport {
    stale = List.copyOf(stale);
  }

  /**
   * A result that does not match its block: the block's 1-based line and why ("the knowledge base
   * changed"); {@code orphan} for a region with no block above it, which is removed; {@code
   * overlays} when it is stale because this run loads other profile overlays than the document was
   * written with, which a document's front matter can fix for every run.
   */
  public record Stale(int line, String reason, boolean orphan, boolean overlays) {
    /** A result stale for another reason than the profile overlays. */
    public Stale(int line, String reason, boolean orphan) {
      this(line, reason, orphan, false);
    }
  }

  /** Whether the document had no errors (stale results and failing checks are not errors). */
  public boolean ok() {
    return result.diagnostics().isEmpty() && writeError.isEmpty();
  }
}
