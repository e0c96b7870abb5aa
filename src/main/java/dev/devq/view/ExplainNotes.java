package dev.devq.view;

import dev.devq.cost.CacheCopies;
import dev.devq.cost.EnergyParts;
import dev.devq.cost.Lowering;
import dev.devq.cost.Prediction;
import dev.devq.kb.OsVersion;
import dev.devq.lang.unit.Dimensions;
import dev.devq.lang.unit.Quantity;
import dev.devq.lang.unit.QuantityFormat;
import dev.devq.model.Layer;
import java.util.ArrayList;

/**
 * The lines {@code explain} adds under a prediction's summary where the build or the accounting
 * needs saying: what the converter lowered, a KV cache copied in and out, what the energy is made
 * of, and an older release the range's top allows for.
 */
final class ExplainNotes {
  private ExplainNotes() {}

  /**
   * The lines on a KV cache kept as inputs and outputs: how many copies, what they cost, why, and
   * where the measured rate stops holding.
   */
  static String cacheCopies(CacheCopies c) {
    return "kv cache   "
        + c.copies()
        + " copies of the "
        + ExplainTable.bytes(c.bytes())
        + " cache per prediction, "
        + ExplainTable.time(c.time())
        + " (in the fixed time)\n           "
        + c.release()
        + " predates Core ML's states ("
        + c.since()
        + "): the cache is the model's inputs and outputs, copied by each attention block's"
        + " update and from the output to the next call's input ["
        + CacheCopies.SOURCE
        + "]\n"
        + (c.beyondMeasured()
            ? "           past a "
                + ExplainTable.bytes(c.measuredBytes())
                + " cache Apple measured these copies 5 to 19 times slower than devq charges:"
                + " expect worse\n"
            : "");
  }

  /**
   * Two lines on a fused op the prediction costed as the converter lowers it: which layers became
   * which ops, and why, with the rule's source.
   */
  static String lowered(Lowering l) {
    var parts = new StringBuilder();
    var ops = new ArrayList<String>();
    for (Layer by : l.by()) {
      String name = by.name();
      String suffix = name.substring(l.replaced().length());
      parts.append(parts.length() == 0 ? name : ", " + suffix);
      ops.add(by.op());
    }
    return "lowered    "
        + l.layers()
        + " "
        + l.op()
        + (l.layers() == 1 ? " layer" : " layers")
        + " into "
        + String.join(", ", ops)
        + " ("
        + l.replaced()
        + " → "
        + parts
        + ")\n           "
        + l.release()
        + " predates the fused op ("
        + l.since()
        + "): Core ML's PyTorch converter emits it only for a target that has it ["
        + l.source()
        + "]\n";
  }

  /** {@code ane 3.5 mJ + cpu 690 µJ + DRAM 6.84 mJ}: each unit's draw, then DRAM traffic. */
  static String energyParts(EnergyParts e) {
    var out = new StringBuilder();
    e.units().forEach((u, j) -> out.append(u.key()).append(' ').append(joules(j)).append(" + "));
    return out.append("DRAM ").append(joules(e.dram())).toString();
  }

  /** {@code 6.84 mJ}; none at all is {@code 0 J}, not the smallest prefix's {@code 0 pJ}. */
  private static String joules(double j) {
    return j == 0 ? "0 J" : QuantityFormat.format(Quantity.of(j, Dimensions.ENERGY));
  }

  /**
   * {@code the range's top allows for iOS 16 …}: why the top of a range that names no release
   * reaches far above the estimate, and how to name one ({@link Prediction#rangeAllowsFor}).
   */
  static String rangeAllowsFor(OsVersion release) {
    return "           the top allows for "
        + release
        + ", which this device may still run (its Neural Engine costs more to enter there);"
        + " name the release to narrow it, e.g. "
        + RangeNote.naming(release)
        + "\n";
  }

  /**
   * What a thermal state leaves alone: it slows arithmetic only, so where it takes anything off and
   * layers are bound by memory, {@code ; the 13.6 ms bound by memory is not slowed …}, lest the
   * percentage read as the whole step's; empty otherwise. docs/cost-model.md (Heat and memory-bound
   * layers) gives the measurements that say devq is optimistic here.
   */
  static String memoryUnderHeat(Prediction est) {
    Double memory = est.timePerBound().get(dev.devq.cost.Bound.MEMORY);
    if (!(est.thermalFactor() < 1) || memory == null || !(memory > 0)) {
      return "";
    }
    return " compute; the "
        + ExplainTable.time(memory)
        + " bound by memory is not slowed (devq keeps DRAM bandwidth at its peak when hot;"
        + " measured LLM decode on hot iPhones fell further: docs/cost-model.md)";
  }
}
