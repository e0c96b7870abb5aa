package dev.devq.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.devq.DevqAssertions;
import dev.devq.kb.ComputeUnit;
import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.Op;
import dev.devq.kb.OsVersion;
import dev.devq.kb.Soc;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A session's remembered grids render what a grid made for the one search renders, for every op
 * under each kind of option, asked once or again; one grid serves equal options, another the rest.
 */
class SupportGridsTest {
  @Test
  void rememberedBlocksAreFreshBlocksForEveryOpAndOption() {
    KnowledgeBase kb = DevqAssertions.kb();
    Soc a17 = kb.socs().get("a17_pro");
    // a device's part shares its chip's id but answers for its own OS: iPhone XS stops at iOS 18
    Soc iphoneXs = kb.socOf(kb.devices().get("iphone_xs"));
    Soc a12 = kb.socs().get("a12");
    List<Object[]> options =
        List.of(
            new Object[] {null, a12, OsVersion.parse("iOS 26")},
            new Object[] {null, iphoneXs, OsVersion.parse("iOS 26")},
            new Object[] {null, a12, OsVersion.parse("iOS 26")},
            new Object[] {null, null, null},
            new Object[] {null, null, OsVersion.parse("iOS 17")},
            new Object[] {null, null, OsVersion.parse("macOS 15")},
            new Object[] {ComputeUnit.ANE, null, null},
            new Object[] {null, a17, null},
            new Object[] {ComputeUnit.GPU, a17, OsVersion.parse("iOS 16")});
    var grids = SupportGrids.of(kb);
    for (Object[] o : options) {
      var unit = (ComputeUnit) o[0];
      var soc = (Soc) o[1];
      var os = (OsVersion) o[2];
      for (int pass = 0; pass < 2; pass++) {
        for (Op op : kb.ops().values()) {
          assertEquals(
              new SupportGrid(kb, unit, soc, os).text(op),
              grids.grid(unit, soc, os).text(op),
              op.id() + " " + Arrays.toString(o));
        }
      }
    }
  }

  @Test
  void equalOptionsShareOneGrid() {
    KnowledgeBase kb = DevqAssertions.kb();
    var grids = SupportGrids.of(kb);
    assertSame(grids, SupportGrids.of(kb));
    assertSame(
        grids.grid(null, null, OsVersion.parse("iOS 17")),
        grids.grid(null, null, OsVersion.parse("iPadOS 17")));
    assertNotSame(grids.grid(null, null, null), grids.grid(null, null, OsVersion.parse("iOS 17")));
    assertNotSame(grids.grid(null, null, null), grids.grid(ComputeUnit.ANE, null, null));
  }
}
