package dev.devq.cost;

import dev.devq.lang.unit.Dimensions;
import dev.devq.lang.unit.Quantity;
import dev.devq.lang.unit.QuantityFormat;

/**
 * Why a model cannot run on a target: it needs more memory than the target lets it use ({@link
 * MemoryLimit}). An estimate of such a model is this, not a latency.
 *
 * @param model the model's label ({@code llama_2_13b})
 * @param target the target as the query named it ({@code iphone_12})
 * @param targetName the device's name ({@code iPhone 12})
 * @param needs the model's memory in bytes, as {@code memory()} gives it
 * @param limit what the target allows
 */
public record CannotRun(
    String model, String target, String targetName, double needs, MemoryLimit limit) {

  /** {@code llama_2_13b needs 26.9 GB; an app on iPhone 12 may use 2.1 GB}. */
  public String reason() {
    return model + " needs " + needsText() + "; " + allowance();
  }

  /** What the target allows, in words: {@code an app on iPhone 12 may use 2.1 GB}. */
  public String allowance() {
    return limit.field().equals(MemoryLimit.GPU)
        ? "llama.cpp on Metal may keep " + allowsText() + " in GPU memory on " + targetName
        : "an app on "
            + targetName
            + " may use "
            + allowsText()
            + (limit.field().equals(MemoryLimit.ENTITLED)
                ? " with the increased-memory-limit entitlement"
                : "");
  }

  /** The model's memory as a quantity. */
  public Quantity needsQuantity() {
    return Quantity.of(needs, Dimensions.BYTES);
  }

  /** The limit as a quantity. */
  public Quantity allowsQuantity() {
    return Quantity.of(limit.bytes(), Dimensions.BYTES);
  }

  /** {@code 26.9 GB}. */
  public String needsText() {
    return QuantityFormat.format(needsQuantity());
  }

  /** {@code 2.1 GB}. */
  public String allowsText() {
    return QuantityFormat.format(allowsQuantity());
  }
}
