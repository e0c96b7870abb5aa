package dev.devq.bench;

import dev.devq.Devq;
import dev.devq.DevqAssertions;
import dev.devq.cost.Conditions;
import dev.devq.cost.CostModel;
import dev.devq.cost.Start;
import dev.devq.cost.Target;
import dev.devq.cost.Thermal;
import dev.devq.cost.ThermalState;
import dev.devq.cost.UnitSet;
import dev.devq.kb.Device;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import dev.devq.model.Model;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of latency predictions for ~100-layer models (DESIGN.md: 10,000 in under 1 s). One
 * operation is 10,000 predictions across models, devices and thermal states.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PredictionBenchmark {
  private CostModel cost;
  private List<Model> models;
  private List<Target> targets;
  private final List<Conditions> conditions =
      List.of(
          new Conditions(Thermal.of(ThermalState.NOMINAL), UnitSet.ALL, 1, Start.WARM),
          new Conditions(Thermal.of(ThermalState.SUSTAINED), UnitSet.ALL, 1, Start.WARM),
          new Conditions(Thermal.of(ThermalState.NOMINAL), UnitSet.CPU_AND_GPU, 1, Start.WARM));

  @Setup
  public void load() throws Exception {
    Devq devq = Devq.load();
    cost = DevqAssertions.engine(devq).costModel();
    var kb = DevqAssertions.kb(devq);
    models =
        List.of("mobilenet_v2", "resnet50", "efficientnet_b0", "mobilenet_v3_large").stream()
            .map(
                id ->
                    DevqAssertions.engine(devq)
                        .model(
                            kb.models().get(id), Map.of(), new SourceText("bench", ""), Span.at(0)))
            .toList();
    targets =
        List.of("iphone_12", "iphone_14_pro", "iphone_15_pro", "ipad_pro_m4").stream()
            .map(
                id -> {
                  Device d = kb.devices().get(id);
                  return new Target(id, kb.socs().get(d.soc()), d);
                })
            .toList();
  }

  @Benchmark
  public double tenThousandPredictions() {
    double sum = 0;
    for (int i = 0; i < 10_000; i++) {
      Model m = models.get(i % models.size());
      Target t = targets.get((i / 4) % targets.size());
      Conditions c = conditions.get((i / 16) % conditions.size());
      sum += cost.estimate(m, t, c).warmLatency();
    }
    return sum;
  }
}
