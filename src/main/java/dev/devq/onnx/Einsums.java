package dev.devq.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The output shape and multiply-adds of an ONNX Einsum, read from its equation as NumPy reads one
 * ({@code "bhqd,bhkd->bhqk"}): one term of letters per input, each letter an axis, a letter shared
 * by terms the same size in each (or 1, which broadcasts), {@code ...} standing for the axes the
 * letters leave, broadcast across inputs. Without {@code ->} the output is the {@code ...} axes,
 * then the letters used once, in character order. ONNX's own shape inference gives only the
 * output's rank, so a file run through it still lacks the sizes: they are computed here.
 */
final class Einsums {
  private static final String ELLIPSIS = "...";

  private Einsums() {}

  /** What an equation says: the output's sizes and every axis the sum runs over. */
  private record Reading(long[] output, List<Long> axes) {}

  static long[] shape(NodeView v) throws ImportFailure {
    return read(v).output();
  }

  /**
   * Multiply-adds of a product of two or more inputs: one per point of the space every axis spans
   * (a matmul's M × N × K); a single input is only rearranged or summed.
   */
  static long macs(NodeView v) throws ImportFailure {
    if (v.inputs.size() < 2) {
      return 0;
    }
    long n = 1;
    for (long size : read(v).axes()) {
      n = v.times(n, size, "the multiply-adds");
    }
    return n;
  }

  private static Reading read(NodeView v) throws ImportFailure {
    String equation = Attrs.s(v.node, "equation", "");
    String text = equation.replaceAll("\\s", "");
    int arrow = text.indexOf("->");
    String[] terms = (arrow < 0 ? text : text.substring(0, arrow)).split(",", -1);
    if (text.isEmpty() || terms.length != v.inputs.size()) {
      throw v.failure(
          "equation '"
              + equation
              + "' has "
              + (text.isEmpty() ? 0 : terms.length)
              + " operands for "
              + v.inputs.size()
              + " inputs",
          "an Einsum equation has one comma-separated term per input, as 'ij,jk->ik'");
    }
    Map<Character, Long> sizes = new TreeMap<>();
    Map<Character, Integer> uses = new HashMap<>();
    long[] broadcast = new long[0];
    for (int i = 0; i < terms.length; i++) {
      long[] dims = v.dims(i);
      String letters = letters(v, equation, terms[i]);
      int extra = dims.length - letters.length();
      boolean ellipsis = terms[i].contains(ELLIPSIS);
      if (ellipsis ? extra < 0 : extra != 0) {
        throw v.failure(
            "equation '"
                + equation
                + "': term '"
                + terms[i]
                + "' does not fit input "
                + i
                + " of shape "
                + Arrays.toString(dims));
      }
      int start = ellipsis ? terms[i].indexOf(ELLIPSIS) : letters.length();
      broadcast = Shapes.broadcast(broadcast, Arrays.copyOfRange(dims, start, start + extra), v);
      for (int k = 0; k < letters.length(); k++) {
        char c = letters.charAt(k);
        long size = dims[k < start ? k : k + extra];
        Long before = sizes.get(c);
        if (before != null && before != size && before != 1 && size != 1) {
          throw v.failure(
              "equation '"
                  + equation
                  + "': label '"
                  + c
                  + "' is "
                  + before
                  + " long in one place and "
                  + size
                  + " in input "
                  + i
                  + " "
                  + Arrays.toString(dims));
        }
        sizes.put(c, before == null || before == 1 ? size : before);
        uses.merge(c, 1, Integer::sum);
      }
    }
    String output = arrow < 0 ? implicit(uses, broadcast) : text.substring(arrow + 2);
    List<Long> axes = new ArrayList<>(sizes.values());
    Arrays.stream(broadcast).forEach(axes::add);
    return new Reading(outputShape(v, equation, output, sizes, broadcast), axes);
  }

  /** The output NumPy gives an equation without {@code ->}. */
  private static String implicit(Map<Character, Integer> uses, long[] broadcast) {
    StringBuilder out = new StringBuilder(broadcast.length > 0 ? ELLIPSIS : "");
    uses.keySet().stream().sorted().filter(c -> uses.get(c) == 1).forEach(out::append);
    return out.toString();
  }

  private static long[] outputShape(
      NodeView v, String equation, String output, Map<Character, Long> sizes, long[] broadcast)
      throws ImportFailure {
    String letters = letters(v, equation, output);
    List<Long> out = new ArrayList<>();
    int at = output.indexOf(ELLIPSIS);
    for (int k = 0; k < letters.length(); k++) {
      if (k == at) {
        Arrays.stream(broadcast).forEach(out::add);
      }
      char c = letters.charAt(k);
      if (!sizes.containsKey(c) || letters.indexOf(c) != k) {
        throw v.failure(
            "equation '"
                + equation
                + "': output label '"
                + c
                + "' "
                + (sizes.containsKey(c) ? "is given twice" : "names no axis of the inputs"));
      }
      out.add(sizes.get(c));
    }
    if (at >= letters.length()) {
      Arrays.stream(broadcast).forEach(out::add);
    }
    return out.stream().mapToLong(Long::longValue).toArray();
  }

  /** The letters of one term, without its {@code ...}; anything else is refused. */
  private static String letters(NodeView v, String equation, String term) throws ImportFailure {
    String letters = term.replaceFirst("\\.\\.\\.", "");
    for (char c : letters.toCharArray()) {
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
        throw v.failure(
            "equation '" + equation + "': '" + c + "' in '" + term + "' is not a label",
            "a label is a letter; '...' (once per term) stands for the axes the letters leave");
      }
    }
    return letters;
  }
}
