package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code explain} calls a layer fused only where the cost model charges it nothing: the zoo's batch
 * norms fold into their convolution's kernel on every unit, but on the CPU and the GPU their
 * element-wise work is still charged, so there they once showed "fused" beside a time of their own
 * (899 µs for ResNet-50's first batch norm on the A14's CPU). On the Neural Engine they are paid in
 * the convolution's output stage, and the label says so. Since the converter folds a batch norm
 * after a convolution into its weights, it is free on every unit ({@code weights}) but in a model
 * for iOS 13, whose batch norms were layers. Text and JSON agree layer by layer.
 */
class ExplainFoldLabelTest {
  private static final Map<String, String> WHERE_PAID =
      Map.of(
          "output_stage", "fused: paid in the convolution's output stage",
          "vector_pass", "fused: paid in the element-wise pass before it",
          "weights", "fused: folded into the convolution's weights by the converter");

  @ParameterizedTest(name = "{0}: {1} layers charged, {2} free")
  @CsvSource({
    "'latency(resnet50, a14, units = cpu_only)',    compute_only, weights",
    "'latency(resnet50, a14, units = cpu_and_gpu)', compute_only, weights",
    "'latency(resnet50, a14)',                      none,         weights",
    "'latency(resnet50, iphone_11_pro, units = cpu_only, os = \"iOS 13\")', compute_only, none",
    "'latency(resnet50, iphone_11_pro, os = \"iOS 13\")', none, output_stage",
  })
  void aLayerThatCostsTimeIsNeverCalledFused(String query, String chargedFold, String freeFold)
      throws Exception {
    JsonNode json =
        new ObjectMapper()
            .readTree(CheckReportsTest.devq("explain", "--format", "json", query).out());
    Map<String, Boolean> costsTime = new HashMap<>();
    Map<String, Integer> folds = new HashMap<>();
    Map<String, String> foldOf = new HashMap<>();
    for (JsonNode l : json.get("layers")) {
      double time =
          l.get("compute_s").asDouble()
              + l.get("memory_s").asDouble()
              + l.get("output_s").asDouble()
              + l.get("overhead_s").asDouble();
      String name = l.get("layer").asText();
      costsTime.put(name, time > 0);
      folds.merge(l.get("fold").asText(), 1, Integer::sum);
      foldOf.put(name, l.get("fold").asText());
      assertFalse(l.get("fused").asBoolean() && time > 0, name + " is fused and charged " + time);
      if (l.get("op").asText().equals("batch_norm")) {
        assertEquals(
            time > 0 ? chargedFold : freeFold, l.get("fold").asText(), name + " folds as charged");
      }
    }
    assertTrue(folds.containsKey(chargedFold) || chargedFold.equals("none"), folds.toString());
    assertTrue(folds.containsKey(freeFold) || freeFold.equals("none"), folds.toString());
    String text = CheckReportsTest.devq("explain", "--top", "1000", query).out();
    int fused = 0;
    for (String line : text.split("\n")) {
      String layer = line.split(" ", 2)[0];
      if (costsTime.containsKey(layer) && line.contains("fused")) {
        fused++;
        assertFalse(costsTime.get(layer), "the table calls " + layer + " fused: " + line);
        assertTrue(line.contains(WHERE_PAID.get(foldOf.get(layer))), line);
      }
    }
    int free =
        folds.getOrDefault("output_stage", 0)
            + folds.getOrDefault("vector_pass", 0)
            + folds.getOrDefault("weights", 0);
    assertEquals(free, fused, "fused rows in the table");
  }
}
