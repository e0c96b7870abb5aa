package dev.devq.onnx;

import dev.devq.onnx.proto.Onnx;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders the nodes of a graph so every node comes after the nodes it reads, and finds what reads
 * each tensor. Among the nodes ready to run, one that reads the output just produced goes first
 * (depth first), which keeps a Conv → BatchNormalization → Relu chain together, as the converter
 * fuses it and as the cost model folds it. A node that never becomes ready sits on a cycle: that is
 * an error naming the nodes around it.
 */
final class GraphOrder {
  private GraphOrder() {}

  /** Node indexes in run order, and the consumers of each tensor name. */
  record Result(List<Integer> order, Map<String, List<Integer>> consumers) {}

  static Result of(List<Onnx.NodeProto> nodes, Set<String> provided, NodeLabels labels)
      throws ImportFailure {
    Map<String, Integer> producer = new HashMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      for (String out : nodes.get(i).getOutputList()) {
        if (out.isEmpty()) {
          continue;
        }
        Integer before = producer.put(out, i);
        if (before != null || provided.contains(out)) {
          throw new ImportFailure(
              "tensor '"
                  + out
                  + "' is written twice, by "
                  + labels.of(nodes.get(i))
                  + (before == null
                      ? " and as an input or initializer"
                      : " and " + labels.of(nodes.get(before))));
        }
      }
    }
    Map<String, List<Integer>> consumers = new HashMap<>();
    int[] waiting = new int[nodes.size()];
    for (int i = 0; i < nodes.size(); i++) {
      for (String in : nodes.get(i).getInputList()) {
        if (in.isEmpty()) {
          continue;
        }
        consumers.computeIfAbsent(in, k -> new ArrayList<>()).add(i);
        if (producer.containsKey(in)) {
          waiting[i]++;
        } else if (!provided.contains(in)) {
          throw new ImportFailure(
              labels.of(nodes.get(i))
                  + " reads '"
                  + in
                  + "', which no node, initializer or graph input provides");
        }
      }
    }
    Deque<Integer> ready = new ArrayDeque<>();
    for (int i = nodes.size() - 1; i >= 0; i--) {
      if (waiting[i] == 0) {
        ready.push(i);
      }
    }
    List<Integer> order = new ArrayList<>();
    while (!ready.isEmpty()) {
      int n = ready.pop();
      order.add(n);
      List<Integer> next = new ArrayList<>();
      for (String out : nodes.get(n).getOutputList()) {
        for (int c : consumers.getOrDefault(out, List.of())) {
          if (--waiting[c] == 0) {
            next.add(c);
          }
        }
      }
      // pushed in reverse so the first consumer in file order runs next
      for (int k = next.size() - 1; k >= 0; k--) {
        ready.push(next.get(k));
      }
    }
    if (order.size() < nodes.size()) {
      throw cycle(nodes, producer, waiting, labels);
    }
    return new Result(order, consumers);
  }

  /** Follows unfinished inputs from a stuck node until a node repeats: that loop is the cycle. */
  private static ImportFailure cycle(
      List<Onnx.NodeProto> nodes, Map<String, Integer> producer, int[] waiting, NodeLabels labels) {
    int start = 0;
    while (waiting[start] == 0) {
      start++;
    }
    List<Integer> path = new ArrayList<>();
    int at = start;
    while (!path.contains(at)) {
      path.add(at);
      for (String in : nodes.get(at).getInputList()) {
        Integer p = producer.get(in);
        if (p != null && waiting[p] > 0) {
          at = p;
          break;
        }
      }
    }
    List<Integer> loop = new ArrayList<>(path.subList(path.indexOf(at), path.size()));
    java.util.Collections.reverse(loop);
    // start at the node that comes first in the file, so the message is the same on every run
    java.util.Collections.rotate(loop, -loop.indexOf(java.util.Collections.min(loop)));
    StringBuilder text = new StringBuilder();
    for (int i : loop) {
      text.append(labels.of(nodes.get(i))).append(" → ");
    }
    text.append(labels.of(nodes.get(loop.get(0))));
    return new ImportFailure(
        "the graph has a cycle: " + text, "an ONNX graph must be acyclic (topologically sortable)");
  }
}
