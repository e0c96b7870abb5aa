package dev.devq.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.devq.DevqAssertions;
import dev.devq.query.eval.Engine;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code devq info} of an iPhone or iPad says which limits with the increased-memory-limit
 * entitlement no source gives, each of its own configuration: the 8 GB M2 iPad Pro's is given, its
 * 16 GB model's is not; the 2018 iPad Pro's is given for neither (its largest has a limit from
 * before the entitlement only); both M1 iPad Pro sizes have one; a Mac has no such limit.
 */
class InfoEntitledLimitTest {
  private static final String BASE =
      "app_memory_limit_entitled: unknown (no source gives it for this device)";
  private static final String LARGEST =
      "app_memory_limit_entitled_max: unknown (no source gives it";

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      ipad_pro_m2        | false | 16 GB
      ipad_pro_12_9_2018 | true  | 6 GB
      ipad_pro_m1        | false | ''
      iphone_13          | true  | ''
      macbook_air_m1     | false | ''
      """)
  void saysEachConfigurationsUnknownEntitledLimit(String id, boolean base, String largest) {
    Engine engine = DevqAssertions.engine();
    String info = InfoText.entity(engine, engine.kb().devices().get(id));
    List<String> said =
        info.lines()
            .filter(l -> l.startsWith("app_memory_limit_entitled") && l.contains(": unknown"))
            .toList();
    List<String> expected = new java.util.ArrayList<>();
    if (base) {
      expected.add(BASE);
    }
    if (!largest.isEmpty()) {
      expected.add(LARGEST + " for the " + largest + " configuration)");
    }
    assertEquals(expected, said, id);
  }
}
