package dev.devq.search;

import java.util.List;
import java.util.Objects;

/**
 * An op category that the words of a search name ({@code activations} names {@code activation}),
 * with the ids of its ops in id order.
 *
 * <pre>{@code
 * CategoryWords.named(index, "activations").get().ops().size()   // 23
 * }</pre>
 */
public record NamedCategory(String id, List<String> ops) {
  public NamedCategory {
    Objects.requireNonNull(id);
    ops = List.copyOf(ops);
  }

  /** The query that lists the category's ops: {@code category:activation}. */
  public String filter() {
    return Fields.CATEGORY + ":" + id;
  }
}
