package dev.devq.kb;

import java.util.List;

/** Anything with an id that queries and search can name: a SoC, a device, an op or a model. */
public sealed interface Entity permits Soc, Device, Op, ModelProfile {
  String id();

  String name();

  List<String> aliases();

  /** {@code soc}, {@code device}, {@code op}, {@code model}. */
  String kind();

  /** Every field with its provenance, in file order, for {@code devq info}. */
  List<Fact> facts();

  Origin origin();

  /** How a query names it: the id, or a binned SoC part's call {@code m3_max(gpu_cores = 30)}. */
  default String label() {
    return id();
  }
}
