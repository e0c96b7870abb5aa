package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The items a quantified check could not decide are grouped by why, each reason said once after its
 * items: a fleet of Macs without a battery, or models a runtime's range never measured, read as one
 * reason instead of the same words after every name.
 */
class UnknownCasesGroupedTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // one reason for three items: said once, after the three
        "all d in [mac_mini_m4, iphone_12, mac_studio_m2_max, imac_24_m4]: d.battery_wh > 1 Wh"
            + "|3 of 4 unknown: mac_mini_m4, mac_studio_m2_max, imac_24_m4"
            + " (d.battery_wh is unknown)",
        // two reasons: each after its own items, in the order they first appear
        "all d in [mac_mini_m4, iphone_12, ipad_a16]: d.battery_wh > 1 Wh"
            + " and d.app_memory_limit_entitled > 1 GB"
            + "|2 of 3 unknown: mac_mini_m4 (d.battery_wh is unknown),"
            + " ipad_a16 (d.app_memory_limit_entitled is unknown)",
        // more items than are named: the rest counted in their group, before its reason
        "all d in devices where d.year >= 2023: d.app_memory_limit_entitled > 1 GB"
            + " or d.battery_wh > 1 Wh"
            + "|12 of 65 unknown: imac_24_m3, imac_24_m4, mac_mini_m2, mac_mini_m2_pro,"
            + " mac_mini_m4 and 7 more (d.app_memory_limit_entitled is unknown)",
        // the end of a range that one-pass models lack under llama.cpp: one reason for all four
        "all m in [llama_2_7b, resnet50, mobilenet_v2, bert_base, vit_b16]:"
            + " latency(m, m4_max, runtime = llama_cpp).high < 1s"
            + "|4 of 5 unknown: resnet50, mobilenet_v2, bert_base, vit_b16 (no 80% range:"
            + " llama.cpp's measurements on the GPU are all of decoder LLMs (llama_2_7b,"
            + " llama_3_1_8b), none of a one-pass model)",
      })
  void eachReasonIsSaidOnceAfterItsItems(String query, String expected) {
    CheckReportsTest.Run run = CheckReportsTest.devq("eval", query);
    assertTrue(run.out().contains(expected), run.out() + run.err());
  }
}
