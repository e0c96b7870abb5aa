package dev.devq.cost;

import dev.devq.kb.ComputeUnit;
import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.OsVersion;
import dev.devq.kb.Soc;
import dev.devq.model.Layer;
import dev.devq.model.Shape;
import java.util.Map;

/** Asks placement whether a unit may take a small layer of an op, for tests in other packages. */
public final class PlacementProbe {
  private PlacementProbe() {}

  /**
   * Whether placement's support check lets {@code unit} run a small rank-3 layer of {@code op}
   * (small enough that no shape limit applies) under an OS release (null: newest), i.e. whether the
   * unit is refused for the op itself.
   */
  public static boolean mayPlace(
      KnowledgeBase kb, Soc soc, OsVersion os, ComputeUnit unit, String op) {
    Shape small = Shape.of(8, 8, 8);
    var layer = new Layer("probe", op, small, small, 0, 0, 0, 0, Map.of());
    return OpSupport.check(kb, soc, os, unit, layer) == OpSupport.Refusal.NONE;
  }
}
