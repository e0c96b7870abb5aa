package dev.devq.model;

import java.util.List;

/**
 * A tensor shape without the batch axis: {@code [C, H, W]} for images, {@code [S, C]} for token
 * sequences, {@code [C, 1, S]} for the Neural Engine's preferred transformer layout.
 */
public record Shape(List<Long> dims) {
  public Shape {
    dims = List.copyOf(dims);
    for (long d : dims) {
      if (d <= 0) {
        throw new IllegalArgumentException("shape " + dims + " has a non-positive axis");
      }
    }
  }

  public static Shape of(long... dims) {
    return new Shape(java.util.Arrays.stream(dims).boxed().toList());
  }

  public int rank() {
    return dims.size();
  }

  public long dim(int i) {
    return dims.get(i < 0 ? dims.size() + i : i);
  }

  public long elements() {
    long n = 1;
    for (long d : dims) {
      n = Math.multiplyExact(n, d);
    }
    return n;
  }

  /** The longest axis, 1 for a scalar; a plain loop because the cost model asks per layer. */
  public long largestDim() {
    long max = Long.MIN_VALUE;
    for (int i = 0; i < dims.size(); i++) {
      max = Math.max(max, dims.get(i));
    }
    return dims.isEmpty() ? 1 : max;
  }

  /** The same shape with one axis replaced. */
  public Shape with(int i, long value) {
    var copy = new java.util.ArrayList<>(dims);
    copy.set(i < 0 ? dims.size() + i : i, value);
    return new Shape(copy);
  }

  @Override
  public String toString() {
    return dims.toString().replace(" ", "");
  }
}
