package dev.devq.cost;

import dev.devq.model.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Models run together on one target: {@code seq(a, b)} runs b after a; {@code par(a, b)} runs them
 * at once, so they overlap where they use different compute units and queue where they share one.
 * Parts may nest: {@code seq(detector, par(classifier, segmenter))}.
 */
public record Pipeline(Kind kind, List<PipelinePart> parts) implements PipelinePart {
  /** How the parts run relative to each other. */
  public enum Kind {
    SEQ,
    PAR;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Pipeline {
    parts = List.copyOf(parts);
    if (parts.isEmpty()) {
      throw new IllegalArgumentException(kind.key() + " needs at least one model");
    }
  }

  /** {@code seq(mobilenet_v2, par(resnet50, distilbert))}. */
  public String label() {
    return parts.stream()
        .map(PipelinePart::label)
        .collect(Collectors.joining(", ", kind.key() + "(", ")"));
  }

  /** Every model, depth first: the stages of the schedule. */
  public List<Model> models() {
    List<Model> out = new ArrayList<>();
    collect(this, out);
    return out;
  }

  private static void collect(PipelinePart p, List<Model> out) {
    if (p instanceof PipelinePart.Single s) {
      out.add(s.model());
    } else {
      ((Pipeline) p).parts().forEach(child -> collect(child, out));
    }
  }
}
