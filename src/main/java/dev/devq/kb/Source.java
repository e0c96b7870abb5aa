package dev.devq.kb;

/**
 * An entry of {@code sources.yaml}: what a number's {@code source:} refers to, what kind of
 * evidence it is ({@link Evidence}), and the chips and OS releases it tested ({@link TestedRange};
 * {@link TestedRange#ANY} when it does not say).
 */
public record Source(
    String id,
    String title,
    String url,
    String read,
    Evidence evidence,
    TestedRange tested,
    Origin origin) {
  /**
   * {@code "as hollance_issue2 saw it (a12, a13; to iOS 14)"}: how a claim of this source is
   * qualified where it is applied outside the chips and releases it tested.
   */
  public String sawIt() {
    return "as " + id + " saw it (" + tested.describe() + ")";
  }
}
