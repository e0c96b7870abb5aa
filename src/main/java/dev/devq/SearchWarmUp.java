package dev.devq;

import dev.devq.kb.Entity;
import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.Op;
import java.util.ArrayList;
import java.util.List;

/**
 * The searches the interactive REPL runs on its warm-up thread while the user types: every path a
 * first search takes (a phrase, a typo, a category filter, a word naming a category, a device, a
 * family of devices, a SoC, a model, a query that names nothing, the unit, SoC and OS options),
 * each also rendered as JSON, then the name and a near miss of every entity, ops, devices, SoCs and
 * models in turn. A search runs a few hundred methods once each (Lucene's query set-up, the
 * analyzers, the rendering), which the just-in-time compiler compiles only after a few hundred
 * calls: the warm-up makes that many before the user's first query, so that query runs compiled
 * code (docs/history/performance-log.md). They are ordinary searches, answered as any other and
 * remembered like them; the warm-up stops at the user's first search ({@link Devq#warmSearch}).
 */
final class SearchWarmUp {
  private SearchWarmUp() {}

  /** A search and its options; {@code json}: its JSON is rendered too. */
  record Search(String query, SearchOptions options, boolean json) {}

  private static final SearchOptions PLAIN = new SearchOptions(null, null, null, 10);

  /** Every kind of first search, in the order a session most often asks them. */
  static final List<Search> PATHS =
      List.of(
          new Search("softmax", PLAIN, true),
          new Search("group norm", PLAIN, true),
          new Search("sigmod", PLAIN, true),
          new Search("category:pooling", PLAIN, true),
          // a word naming a category: the category line and the categories read from the index
          new Search("activation", PLAIN, true),
          new Search("conv2d", new SearchOptions(null, null, "iOS 18", 10), true),
          new Search("relu", new SearchOptions("ane", "a17 pro", null, 3), true),
          new Search("iphone 14 pro", PLAIN, true),
          // a family: more near names than Lucene expands into single terms
          new Search("ipad", PLAIN, true),
          new Search("a18 pro", PLAIN, true),
          new Search("kind:model resnet", PLAIN, true),
          new Search("vit b16", PLAIN, true),
          new Search("torch.nn.functional.unfold", PLAIN, true),
          new Search("zqxwvk", PLAIN, true));

  /**
   * The releases every other op's typo is searched under: a grid under {@code --os} takes branches
   * of the support rule (a chip past its last release, or of another platform) and lines of text
   * that a grid without it never runs, and one search of {@link #PATHS} left them uncompiled, so
   * that a first search with {@code --os} cost about twice another.
   */
  private static final SearchOptions[] UNDER_OS = {
    new SearchOptions(null, null, "iOS 17", 10), new SearchOptions(null, null, "macOS 15", 10)
  };

  /**
   * The warm-up's searches for a knowledge base: {@link #PATHS}, then the name and a typo of each
   * entity, taking ops, devices, SoCs and models in turn, so a warm-up cut short by the user's
   * first search has run every kind of name; every other op's typo under an OS release.
   */
  static List<Search> of(KnowledgeBase kb) {
    List<Search> out = new ArrayList<>(PATHS);
    List<List<? extends Entity>> kinds =
        List.of(
            List.copyOf(kb.ops().values()),
            List.copyOf(kb.devices().values()),
            List.copyOf(kb.socs().values()),
            List.copyOf(kb.models().values()));
    int most = kinds.stream().mapToInt(List::size).max().orElse(0);
    for (int i = 0; i < most; i++) {
      for (List<? extends Entity> kind : kinds) {
        if (i < kind.size()) {
          out.add(new Search(kind.get(i).name(), PLAIN, false));
          boolean underOs = kind.get(i) instanceof Op && i % 2 == 1;
          out.add(new Search(typo(kind.get(i).id()), underOs ? UNDER_OS[i / 2 % 2] : PLAIN, false));
        }
      }
    }
    return out;
  }

  /**
   * The id with its middle letter left out and separators dropped: {@code layer_norm} → {@code
   * layenorm}.
   */
  static String typo(String id) {
    String glued = id.replace("_", "");
    int middle = glued.length() / 2;
    return glued.length() < 4 ? glued : glued.substring(0, middle) + glued.substring(middle + 1);
  }
}
