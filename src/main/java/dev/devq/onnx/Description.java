package dev.devq.onnx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the planned layers as a model description (profiles/README.md, models/ID.yaml). Layers
 * follow one another; a layer that reads anything but the previous layer's output starts with
 * {@code - from: sN}, and the tensors read later are kept with {@code save: sN}. Save slots are
 * reused once their tensor is read for the last time, so the description holds live what the ONNX
 * graph holds live.
 */
final class Description {
  private Description() {}

  /**
   * A shape without its batch axis: the first axis of size 1 is dropped ([1, C, H, W] → [C, H, W];
   * PyTorch's sequence-first attention keeps the batch in the middle: [S, 1, C] → [S, C]).
   */
  static long[] shape(long[] dims) {
    if (dims.length < 2) {
      return dims;
    }
    for (int i = 0; i < dims.length; i++) {
      if (dims[i] == 1) {
        long[] out = new long[dims.length - 1];
        System.arraycopy(dims, 0, out, 0, i);
        System.arraycopy(dims, i + 1, out, i, dims.length - i - 1);
        return out;
      }
    }
    return dims;
  }

  /**
   * A text argument of a layer ({@code op}, {@code shape}), written so the model's formula reader
   * takes it as that text: a string literal of the query language inside a YAML single-quoted
   * scalar, {@code '"where"'}. A bare word is read as a formula, and catalog ids such as {@code
   * where} and {@code argmax} are words of the query language: the description did not load.
   */
  static String textArg(String text) {
    String literal = text.replace("\\", "\\\\").replace("\"", "\\\"");
    return "'\"" + literal.replace("'", "''") + "\"'";
  }

  static String text(long[] dims) {
    StringBuilder b = new StringBuilder();
    for (long d : dims) {
      b.append(b.length() == 0 ? "" : " ").append(d);
    }
    return b.toString();
  }

  /** The header fields of the file, in order, already in YAML form. */
  record Header(List<String> lines) {}

  /**
   * The description's text, and the line each layer starts on (1-based, its {@code - from:} line
   * when it has one), so a problem the loader finds on a line can be traced to its ONNX node.
   */
  record Written(String yaml, int[] firstLines) {}

  static Written write(Header header, Planner.Plan plan) {
    StringBuilder y = new StringBuilder();
    header.lines().forEach(l -> y.append(l).append('\n'));
    y.append("input: ").append(list(shape(plan.inputDims()))).append('\n');
    y.append("layers:\n");
    int line = header.lines().size() + 3;
    List<Item> items = plan.items();
    Map<String, Integer> lastUse = new HashMap<>();
    // the last layer reading each tensor as its main input, and as another input
    Map<String, Integer> lastAsInput = new HashMap<>();
    Map<String, Integer> lastAsOther = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      lastUse.put(items.get(i).input(), i);
      lastAsInput.put(items.get(i).input(), i);
      for (String o : items.get(i).others()) {
        lastUse.put(o, i);
        lastAsOther.put(o, i);
      }
    }
    Reads reads = new Reads(lastAsInput, lastAsOther);
    Slots slots = new Slots(lastUse);
    String current = plan.input();
    if (reads.needsSave(plan.input(), -1)) {
      y.append("  - {identity: {}, save: ").append(slots.save(plan.input(), -1)).append("}\n");
      line++;
    }
    int[] firstLines = new int[items.size()];
    for (int i = 0; i < items.size(); i++) {
      Item it = items.get(i);
      firstLines[i] = line;
      if (!it.input().equals(current)) {
        y.append("  - from: ").append(slots.of(it.input())).append('\n');
        line++;
      }
      y.append("  - ").append(it.kind()).append(": ").append(args(it.args())).append('\n');
      y.append("    name: ").append(quote(it.name())).append('\n');
      line += 2;
      if (reads.needsSave(it.output(), i)) {
        y.append("    save: ").append(slots.save(it.output(), i)).append('\n');
        line++;
      }
      current = it.output();
    }
    return new Written(y.toString(), firstLines);
  }

  /**
   * Where tensors are read, so whether one must be saved is a look-up: a graph of 50,000 nodes took
   * minutes when each layer scanned all the layers after it.
   */
  private record Reads(Map<String, Integer> lastAsInput, Map<String, Integer> lastAsOther) {
    /** A tensor written by layer {@code at} is saved when a layer other than the next reads it. */
    boolean needsSave(String tensor, int at) {
      return lastAsInput.getOrDefault(tensor, -1) > at + 1
          || lastAsOther.getOrDefault(tensor, -1) > at;
    }
  }

  /** Save names s1, s2, … each reused once the tensor it holds is read for the last time. */
  private static final class Slots {
    private final Map<String, Integer> lastUse;
    private final Map<String, String> slotOf = new HashMap<>();
    private final List<String> holders = new ArrayList<>();

    Slots(Map<String, Integer> lastUse) {
      this.lastUse = lastUse;
    }

    String save(String tensor, int at) {
      for (int k = 0; k < holders.size(); k++) {
        String held = holders.get(k);
        if (lastUse.getOrDefault(held, -1) <= at) {
          holders.set(k, tensor);
          slotOf.put(tensor, "s" + (k + 1));
          return "s" + (k + 1);
        }
      }
      holders.add(tensor);
      slotOf.put(tensor, "s" + holders.size());
      return "s" + holders.size();
    }

    String of(String tensor) {
      return slotOf.get(tensor);
    }
  }

  private static String args(Map<String, String> args) {
    if (args.isEmpty()) {
      return "{}";
    }
    StringBuilder b = new StringBuilder("{");
    args.forEach((k, v) -> b.append(b.length() == 1 ? "" : ", ").append(k).append(": ").append(v));
    return b.append('}').toString();
  }

  static String list(long[] dims) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < dims.length; i++) {
      b.append(i == 0 ? "" : ", ").append(dims[i]);
    }
    return b.append(']').toString();
  }

  /** A YAML double-quoted scalar. */
  static String quote(String text) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format(java.util.Locale.ROOT, "\\x%02x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
