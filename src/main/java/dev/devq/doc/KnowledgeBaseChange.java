package dev.devq.doc;

import dev.devq.Devq;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Why a result computed with another knowledge base is stale, said as plainly as its marker allows.
 * Running {@code devq doc} with {@code --profiles} (or without it, on a document written with it)
 * changes the knowledge-base hash by design, since the answers may differ; a bare "the knowledge
 * base changed" then sent users looking for a profile edit nobody made. The marker's {@code
 * shipped} version tells the overlays apart from the shipped profiles.
 */
final class KnowledgeBaseChange {
  private KnowledgeBaseChange() {}

  /** Every reason this class gives starts with these words. */
  static final String CHANGED = "the knowledge base changed";

  /**
   * Why {@code old} was computed with another knowledge base than {@code devq}'s; {@code overlays}
   * is true in the result when adding or leaving out profile overlays is (part of) the reason.
   */
  static Reason of(ResultMarker old, Devq devq) {
    boolean overlaysNow = !devq.overlays().isEmpty();
    String shippedThen = old.withOverlays() ? old.shipped() : old.kb();
    String shipped =
        shippedThen.equals(devq.shippedVersion())
            ? ""
            : " (the shipped profiles are not the ones it was written with either)";
    if (!old.withOverlays() && overlaysNow) {
      return new Reason(
          CHANGED
              + ": this run loads profiles from "
              + shown(devq.overlays())
              + " in addition to the shipped ones; the document was written without them"
              + shipped,
          true);
    }
    if (old.withOverlays() && !overlaysNow) {
      return new Reason(
          CHANGED
              + ": the document was written with profiles loaded in addition to the shipped"
              + " ones, and this run loads the shipped ones only"
              + shipped,
          true);
    }
    if (old.withOverlays() && shipped.isEmpty()) {
      return new Reason(
          CHANGED
              + ": this run loads profiles from "
              + shown(devq.overlays())
              + " in addition to the shipped ones, and they are not the ones the document was"
              + " written with",
          true);
    }
    return new Reason(
        CHANGED + ": the shipped profiles are not the ones the document was written with", false);
  }

  /** A reason, and whether loading other overlays than the document's is part of it. */
  record Reason(String text, boolean overlays) {}

  /**
   * The folders as the user would write them: relative to the working directory when inside it (a
   * front matter's folders are resolved to absolute paths).
   */
  private static String shown(List<Path> folders) {
    Path here = Path.of("").toAbsolutePath();
    return folders.stream()
        .map(f -> f.isAbsolute() && f.startsWith(here) ? here.relativize(f) : f)
        .map(f -> f.toString().isEmpty() ? "." : f.toString())
        .collect(Collectors.joining(", "));
  }
}
