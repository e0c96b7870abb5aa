package dev.devq.model;

import dev.devq.kb.Problems;
import dev.devq.kb.YamlNode;
import dev.devq.lang.Suggestions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Weight tying: {@code tie: tokens} on a linear layer makes it reuse the weights of the earlier
 * layer named {@code tokens}, as language models share the token table with the output layer (OPT,
 * GPT-2). The tied layer keeps its parameter count, so a call still reads those weights, and is
 * marked with the attribute {@code tied}, so the model counts and stores them once.
 */
final class Ties {
  private Ties() {}

  /** The work of a linear layer tied to {@code owner}, or null after reporting why it cannot be. */
  static LayerWork tie(
      LayerWork work, String owner, List<Layer> earlier, YamlNode at, Problems problems) {
    if (!"linear".equals(work.op())) {
      problems.error(at, "only a linear layer can tie its weights, this one is " + work.op(), "");
      return null;
    }
    Layer target = null;
    for (Layer l : earlier) {
      if (l.name().equals(owner)) {
        target = l;
      }
    }
    if (target == null) {
      problems.error(
          at,
          "no earlier layer named '" + owner + "' to tie to",
          Suggestions.didYouMean(owner, earlier.stream().map(Layer::name).toList()));
      return null;
    }
    if (target.params() != work.params()) {
      problems.error(
          at,
          "cannot tie to '"
              + owner
              + "': it has "
              + target.params()
              + " parameters, this layer "
              + work.params()
              + " (a tied layer has no bias of its own)",
          "");
      return null;
    }
    Map<String, String> attributes = new HashMap<>(work.attributes());
    attributes.put("tied", owner);
    return new LayerWork(
        work.op(),
        work.output(),
        work.macs(),
        work.flops(),
        work.params(),
        work.stateElements(),
        attributes);
  }
}
