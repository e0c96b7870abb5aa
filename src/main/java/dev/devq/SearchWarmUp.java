package dev.devq;

import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.Op;
import java.util.ArrayList;
import java.util.List;

/**
 * The searches the interactive REPL runs on its warm-up thread while the user types: every path a
 * first search takes (a phrase, a typo, a category filter, a device, a SoC, a query that names
 * nothing, the unit, SoC and OS options), then the ops' own names and near misses of them, enough
 * times over that the just-in-time compiler has compiled the search path before the user's first
 * query. They are ordinary searches, answered as any other and remembered like them; the warm-up
 * stops at the user's first search ({@link Devq#warmSearch}).
 */
final class SearchWarmUp {
  private SearchWarmUp() {}

  /** A search and its options. */
  record Search(String query, SearchOptions options) {}

  /** Searches made of the catalog's ops after the fixed ones; each op gives a name and a typo. */
  static final int OPS = 48;

  private static final SearchOptions PLAIN = new SearchOptions(null, null, null, 10);

  /** Every kind of first search, in the order a session most often asks them. */
  static final List<Search> PATHS =
      List.of(
          new Search("softmax", PLAIN),
          new Search("group norm", PLAIN),
          new Search("sigmod", PLAIN),
          new Search("category:pooling", PLAIN),
          new Search("conv2d", new SearchOptions(null, null, "iOS 18", 10)),
          new Search("relu", new SearchOptions("ane", "a17 pro", null, 3)),
          new Search("iphone 14 pro", PLAIN),
          new Search("a18 pro", PLAIN),
          new Search("kind:model resnet", PLAIN),
          new Search("torch.nn.functional.unfold", PLAIN),
          new Search("zqxwvk", PLAIN));

  /**
   * The warm-up's searches for a knowledge base: {@link #PATHS}, then of up to {@link #OPS} ops.
   */
  static List<Search> of(KnowledgeBase kb) {
    List<Search> out = new ArrayList<>(PATHS);
    int n = 0;
    for (Op op : kb.ops().values()) {
      if (n++ == OPS) {
        break;
      }
      out.add(new Search(op.name(), PLAIN));
      out.add(new Search(typo(op.id()), PLAIN));
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
