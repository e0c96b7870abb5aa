package dev.devq.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.devq.DevqAssertions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A device's year is one its sources can give: not before its chip's year (no device ships before
 * its SoC), and not after the date its source was read (a page cannot report a later release).
 */
class DeviceYearTest {
  private static final KnowledgeBase KB = DevqAssertions.kb();

  @Test
  void everyDeviceYearLiesBetweenItsChipAndItsSource() {
    List<String> wrong = new ArrayList<>();
    for (Device d : KB.devices().values()) {
      int year = d.year().value();
      Soc soc = KB.socOf(d);
      if (year < soc.year().value()) {
        wrong.add(d.id() + " " + year + " is before its " + soc.id() + " " + soc.year().value());
      }
      Source source = KB.sources().get(d.year().provenance().source());
      int read = Integer.parseInt(source.read().substring(0, 4));
      if (year > read) {
        wrong.add(d.id() + " " + year + " is after its source " + source.id() + " was read");
      }
    }
    assertEquals(List.of(), wrong);
  }

  /**
   * The iPad Air (M4) came out in 2026 (iosref's memory page of June 2026 and AppleMagazine's
   * specs); it cites the specs page, which names the year, chip and memory, not iosref's March 2026
   * page, which listed no iPad after 2022.
   */
  @Test
  void theIpadAirM4Is2026AndCitesItsSpecs() {
    for (String id : List.of("ipad_air_m4", "ipad_air_13_m4")) {
      Device d = KB.devices().get(id);
      assertEquals(2026, d.year().value(), id);
      assertEquals("ipad_air_m4_specs", d.year().provenance().source(), id);
      assertEquals("ipad_air_m4_specs", d.ram().provenance().source(), id);
    }
  }
}
