package dev.devq.cost;

import dev.devq.model.Model;

/** A part of a {@link Pipeline}: one model, or a nested pipeline. */
public sealed interface PipelinePart permits Pipeline, PipelinePart.Single {
  /** How queries write it: {@code resnet50}, {@code par(a, b)}. */
  String label();

  /** One model of a pipeline. */
  record Single(Model model) implements PipelinePart {
    public String label() {
      return model.label();
    }
  }
}
