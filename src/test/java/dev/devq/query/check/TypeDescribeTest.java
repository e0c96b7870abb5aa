package dev.devq.query.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Messages name types with the right article: "an explain record", never "a explain record". */
class TypeDescribeTest {
  @Test
  void recordsEntitiesAndSymbolsTakeTheArticleOfTheirFirstWord() {
    List<String> described =
        List.of(
                new Type.Record("explain"),
                new Type.Record("info"),
                new Type.Record("layer"),
                new Type.Record("unit"),
                new Type.Entity("op"),
                new Type.Entity("soc"),
                new Type.Entity("device"),
                new Type.Symbol(ParamKind.OS),
                new Type.Symbol(ParamKind.RUNTIME),
                new Type.ListOf(new Type.Record("explain")))
            .stream()
            .map(Type::describe)
            .toList();
    assertEquals(
        List.of(
            "an explain record",
            "an info record",
            "a layer record",
            "a compute unit",
            "an op",
            "a SoC",
            "a device",
            "an OS release",
            "a runtime",
            "a list of explain records"),
        described);
  }
}
