package dev.devq.calibrate;

import dev.devq.cost.ModelKind;
import dev.devq.cost.Runtime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What the rows of a fit of llama.cpp and ExecuTorch measured, written beside the fit as {@code
 * scope:} ({@link dev.devq.kb.Calibration#scope}): per setting whose 80% range the fit gives
 * ({@code llama_cpp.cpu_and_gpu}, as {@link HeldOutRanges#perRuntime} keys it), each kind of model
 * ({@link ModelKind}) its rows ran, with those models' ids. A prediction of another kind on that
 * setting gets no range from these rows ({@link dev.devq.cost.OutOfScope}).
 *
 * <pre>{@code
 * FittedScope.of(rows)
 * // {llama_cpp.cpu_and_gpu={decoder=[llama_2_7b, llama_3_1_8b]}, executorch.cpu_only={one_pass=[…]}}
 * }</pre>
 */
public final class FittedScope {
  private FittedScope() {}

  /**
   * The scope of {@code rows}: settings in the order their first row comes, kinds in {@link
   * ModelKind}'s order, models by id. Rows without an estimate (a pipeline's) and Core ML's rows
   * add nothing.
   */
  public static Map<String, Map<String, List<String>>> of(List<Validation.RowResult> rows) {
    Map<String, Map<ModelKind, TreeSet<String>>> found = new LinkedHashMap<>();
    for (Validation.RowResult r : rows) {
      if (r.estimate() == null || r.estimate().conditions().runtime() == Runtime.COREML) {
        continue;
      }
      String setting = r.estimate().conditions().runtimeRangeKey();
      found
          .computeIfAbsent(setting, s -> new java.util.EnumMap<>(ModelKind.class))
          .computeIfAbsent(ModelKind.of(r.estimate().model()), k -> new TreeSet<>())
          .add(r.estimate().model().id());
    }
    Map<String, Map<String, List<String>>> out = new LinkedHashMap<>();
    found.forEach(
        (setting, kinds) -> {
          Map<String, List<String>> k = new LinkedHashMap<>();
          kinds.forEach((kind, models) -> k.put(kind.key(), new ArrayList<>(models)));
          out.put(setting, k);
        });
    return out;
  }
}
