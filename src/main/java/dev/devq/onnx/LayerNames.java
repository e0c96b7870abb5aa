package dev.devq.onnx;

import dev.devq.onnx.proto.Onnx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Layer names a reader can tell apart. A layer is named after its ONNX node, and the ONNX IR asks
 * node names to be unique in a graph, but exporters write duplicates (graphs merged or edited by
 * hand) and files run with them. The importer finds nodes by their place in the graph, never by
 * name, so such a file is described; only the names would be ambiguous, and {@code explain} would
 * show two layers of one name. The second and later layers of a name get {@code #2}, {@code #3}, …
 * in run order, and the import notes the node names the file repeats.
 */
final class LayerNames {
  private LayerNames() {}

  /** {@code items} with every name unique: a repeated one gets the first free {@code #k}, k ≥ 2. */
  static List<Item> unique(List<Item> items) {
    Set<String> used = new HashSet<>();
    Map<String, Integer> next = new HashMap<>();
    List<Item> out = new ArrayList<>(items.size());
    for (Item it : items) {
      String name = it.name();
      if (!used.add(name)) {
        int k = next.getOrDefault(it.name(), 2);
        while (!used.add(it.name() + "#" + k)) {
          k++;
        }
        next.put(it.name(), k + 1);
        name = it.name() + "#" + k;
      }
      out.add(it.named(name));
    }
    return out;
  }

  /**
   * A note naming the node names the graph gives to more than one node (empty names aside: ONNX
   * makes a name optional), or empty when there is none.
   */
  static String repeatedNote(Onnx.GraphProto graph) {
    Map<String, Integer> count = new LinkedHashMap<>();
    for (Onnx.NodeProto n : graph.getNodeList()) {
      if (!n.getName().isEmpty()) {
        count.merge(n.getName(), 1, Integer::sum);
      }
    }
    List<String> repeated = new ArrayList<>();
    count.forEach(
        (name, n) -> {
          if (n > 1) {
            repeated.add("'" + name + "' ×" + n);
          }
        });
    if (repeated.isEmpty()) {
      return "";
    }
    int shown = Math.min(repeated.size(), 5);
    return "node names given to more than one node: "
        + String.join(", ", repeated.subList(0, shown))
        + (repeated.size() > shown ? " and " + (repeated.size() - shown) + " more" : "")
        + " (ONNX asks node names to be unique in a graph); their layers are told apart as"
        + " NAME, NAME#2, NAME#3, … in run order";
  }
}
