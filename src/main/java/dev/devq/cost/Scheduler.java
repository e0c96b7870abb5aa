package dev.devq.cost;

import dev.devq.kb.ComputeUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs the stages of a {@link Pipeline} on the compute units: each stage is a chain of runs of
 * consecutive layers on one unit, separated by its switches and preceded by its fixed
 * per-prediction cost, which hold no unit. A unit runs one stage at a time (two Neural Engine
 * models do not overlap; Core ML's CPU path already uses every performance core). A stage of a
 * {@code seq} starts when every stage of the part before it has finished. The schedule is a greedy
 * list schedule: among ready runs, the one that can start first goes next, earlier stages first on
 * ties.
 *
 * <p>Units share DRAM, so overlap cannot beat the memory system: the makespan is at least the time
 * all stages' traffic takes at full bandwidth.
 */
final class Scheduler {
  private Scheduler() {}

  /** A run of layers and the delay before it that holds no unit (fixed cost or switch). */
  private record Run(ComputeUnit unit, int first, int last, double delay, double duration) {}

  static PipelineEstimate schedule(
      Pipeline pipeline, Target target, Conditions conditions, List<Prediction> stages) {
    List<Set<Integer>> after = new ArrayList<>();
    dependencies(pipeline, Set.of(), after);
    List<List<Run>> chains = stages.stream().map(Scheduler::runs).toList();
    int n = stages.size();
    int[] next = new int[n];
    double[] ready = new double[n];
    double[] finish = new double[n];
    double[] unitFree = new double[ComputeUnit.values().length];
    List<PipelineEstimate.Slot> slots = new ArrayList<>();
    while (true) {
      int pick = -1;
      double pickStart = Double.POSITIVE_INFINITY;
      for (int s = 0; s < n; s++) {
        if (next[s] >= chains.get(s).size() || !done(after.get(s), next, chains)) {
          continue;
        }
        Run r = chains.get(s).get(next[s]);
        double start =
            Math.max(
                readyAt(s, after.get(s), ready, finish, next) + r.delay(),
                unitFree[r.unit().ordinal()]);
        if (start < pickStart) {
          pick = s;
          pickStart = start;
        }
      }
      if (pick < 0) {
        break;
      }
      Run r = chains.get(pick).get(next[pick]);
      double readyTime = readyAt(pick, after.get(pick), ready, finish, next) + r.delay();
      double end = pickStart + r.duration();
      slots.add(
          new PipelineEstimate.Slot(
              pick, r.unit(), r.first(), r.last(), pickStart, end, pickStart - readyTime));
      unitFree[r.unit().ordinal()] = end;
      ready[pick] = end;
      next[pick]++;
      if (next[pick] == chains.get(pick).size()) {
        finish[pick] = end;
      }
    }
    double makespan = 0;
    double dram = 0;
    double[] busy = new double[unitFree.length];
    for (PipelineEstimate.Slot s : slots) {
      makespan = Math.max(makespan, s.end());
      busy[s.unit().ordinal()] += s.end() - s.start();
    }
    for (Prediction e : stages) {
      dram += e.layers().stream().mapToDouble(LayerCost::memoryTime).sum();
    }
    double period = dram;
    for (double b : busy) {
      period = Math.max(period, b);
    }
    return new PipelineEstimate(
        pipeline, target, conditions, stages, slots, Math.max(makespan, dram), period);
  }

  /**
   * When stage s may run its next piece: after its previous piece, or at its start after its
   * dependencies.
   */
  private static double readyAt(
      int s, Set<Integer> deps, double[] ready, double[] finish, int[] next) {
    if (next[s] > 0) {
      return ready[s];
    }
    double t = 0;
    for (int d : deps) {
      t = Math.max(t, finish[d]);
    }
    return t;
  }

  private static boolean done(Set<Integer> deps, int[] next, List<List<Run>> chains) {
    for (int d : deps) {
      if (next[d] < chains.get(d).size()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Records, per stage in {@link Pipeline#models()} order, the stages that must finish first;
   * returns the stages of the part.
   */
  private static Set<Integer> dependencies(
      PipelinePart part, Set<Integer> before, List<Set<Integer>> after) {
    if (part instanceof PipelinePart.Single) {
      after.add(Set.copyOf(before));
      return Set.of(after.size() - 1);
    }
    Pipeline p = (Pipeline) part;
    Set<Integer> all = new HashSet<>();
    Set<Integer> prior = before;
    for (PipelinePart child : p.parts()) {
      Set<Integer> own = dependencies(child, prior, after);
      all.addAll(own);
      if (p.kind() == Pipeline.Kind.SEQ) {
        Set<Integer> next = new HashSet<>(prior);
        next.addAll(own);
        prior = next;
      }
    }
    return all;
  }

  /**
   * A stage's runs of consecutive layers per unit. Its switch time is shared equally among its
   * switches, and its fixed cost comes before the first run, so the chain adds up to the stage's
   * own latency.
   */
  private static List<Run> runs(Prediction est) {
    List<Run> out = new ArrayList<>();
    List<LayerCost> layers = est.layers();
    double perSwitch = est.switches() == 0 ? 0 : est.switchTime() / est.switches();
    int first = 0;
    double duration = 0;
    for (int i = 0; i < layers.size(); i++) {
      duration += layers.get(i).time();
      boolean end = i == layers.size() - 1 || layers.get(i + 1).unit() != layers.get(i).unit();
      if (end) {
        out.add(
            new Run(
                layers.get(i).unit(),
                first,
                i,
                first == 0 ? est.fixedTime() : perSwitch,
                duration));
        first = i + 1;
        duration = 0;
      }
    }
    return out;
  }
}
