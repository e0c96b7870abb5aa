package dev.devq.kb;

import java.util.Collection;
import java.util.Map;

/**
 * Refuses a claim whose confidence its source cannot carry: {@code confidence: measured} needs a
 * source whose {@code evidence} is a measurement. A reverse-engineering guide, a community list or
 * a launch article is at most {@code reported}, however carefully its author worked.
 */
final class EvidenceCheck {
  private EvidenceCheck() {}

  static void run(
      Problems problems,
      Map<String, Source> sources,
      Collection<? extends Entity> entities,
      Collection<Op> ops) {
    for (Entity e : entities) {
      for (Fact f : e.facts()) {
        check(problems, sources, f.provenance(), f.origin(), e.id() + " " + f.path());
      }
    }
    for (Op op : ops) {
      check(problems, sources, op.provenance(), op.origin(), op.id());
      op.support()
          .forEach(
              (unit, s) ->
                  check(
                      problems,
                      sources,
                      s.provenance(),
                      op.origin(),
                      op.id() + " support." + unit.key()));
    }
  }

  private static void check(
      Problems problems, Map<String, Source> sources, Provenance p, Origin at, String what) {
    Source s = sources.get(p.source());
    if (s == null || s.evidence().allows(p.confidence())) {
      return;
    }
    problems.error(
        at.source(),
        at.span(),
        what
            + " says 'confidence: "
            + p.confidence().label()
            + "' but its source '"
            + s.id()
            + "' is "
            + s.evidence().label()
            + " evidence, not a measurement of that claim",
        "write 'confidence: reported' (or cite the measurement)");
  }
}
