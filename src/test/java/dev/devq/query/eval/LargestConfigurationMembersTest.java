package dev.devq.query.eval;

import static dev.devq.DevqAssertions.eval;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A device's figures of a larger memory configuration read as members, as {@code ram_max} does:
 * each field on a device whose profile gives it, and {@code unknown} on one whose profile does not
 * (an iPhone has one memory size; the 6 GB 11-inch 2018 iPad Pro's app limit has no source; a Mac
 * whose part is sold with every memory size has no {@code variant_ram_max}).
 */
class LargestConfigurationMembersTest {
  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      ipad_pro_m1.ram_max                                  | 16 GB
      ipad_pro_m1.app_memory_limit_entitled_max            | 12 GB
      ipad_pro_12_9_2018.app_memory_limit_max              | 4.6 GB
      macbook_pro_14_m3_max.variant_ram_max                | 96 GB
      macbook_pro_14_m3_max.variant_gpu_working_set_max    | 77.3 GB
      macbook_pro_14_m4_max.variant_ram_max                | 36 GB
      macbook_pro_14_m5_max.variant_ram_max                | 36 GB
      imac_24_m4.variant_ram_max                           | 24 GB
      imac_24_m4.variant_gpu_working_set_max               | 17.2 GB
      macbook_pro_14_m4.ram_max                            | 32 GB
      macbook_air_15_m5.ram_max                            | 32 GB
      iphone_12.ram_max                                    | unknown
      iphone_12.app_memory_limit_entitled_max              | unknown
      iphone_12.app_memory_limit_max                       | unknown
      iphone_12.variant_ram_max                            | unknown
      iphone_12.variant_gpu_working_set_max                | unknown
      ipad_pro_11_2018.app_memory_limit_max                | unknown
      ipad_pro_12_9_2018.app_memory_limit_entitled_max     | unknown
      macbook_air_m1.variant_ram_max                       | unknown
      macbook_air_m1.variant_gpu_working_set_max           | unknown
      ipad_pro_m1.app_memory_limit_entitled_max - ipad_pro_m1.app_memory_limit_entitled | 6 GB
      """)
  void readsEachFieldOrUnknown(String query, String expected) {
    assertEquals(expected, EvaluatorTest.TextRenderForTest.value(eval(query)));
  }
}
