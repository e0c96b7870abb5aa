package dev.devq.cost;

import static java.util.stream.Collectors.toSet;

import dev.devq.kb.ComputeUnit;
import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.ModelProfile;
import dev.devq.kb.Op;
import dev.devq.kb.OsVersion;
import dev.devq.lang.Remembered;
import dev.devq.model.FusedAttention;
import dev.devq.model.Layer;
import dev.devq.model.Model;
import java.util.List;
import java.util.Set;

/**
 * The model Core ML's PyTorch converter makes for a deployment target. It emits the fused {@code
 * scaled_dot_product_attention} MIL op only for a target that has it, and for an older one lowers
 * each to the query's scaling, Q·Kᵀ, the mask, softmax and ·V [coremltools_torch_frontend]. So a
 * prediction for a release before the op's first (its {@code since.os} in the catalog, on every
 * unit: iOS 18 / macOS 15) costs those layers, each with its own support, placement and roofline,
 * instead of refusing a fused op that model never has. The release is the one the query asks for,
 * else the newest the target runs ({@link Target#release}): an iPhone X stops at iOS 16.
 *
 * <p>For a release before Core ML's states ({@code read_state}'s first release), a decoder's KV
 * cache is the model's inputs and outputs, copied on every call ({@link CacheCopies}).
 *
 * <p>This is the one place these rules are applied; the lowered layers themselves are the model
 * builder's ({@link FusedAttention#lowered}).
 */
final class Converter {
  /** The source of the converter's rule, in {@code profiles/sources.yaml}. */
  static final String SOURCE = "coremltools_torch_frontend";

  /** The op whose first release brought Core ML's states, which a KV cache needs to stay put. */
  static final String STATE_OP = "read_state";

  /** Lowered builds kept: a sweep over targets and releases meets a few models many times. */
  private static final int CAPACITY = 32;

  private final KnowledgeBase kb;

  /**
   * Lowered builds by (model, release). The model is compared by identity, so the lowered model
   * keeps its identity too and its layer facts stay cached ({@link FactsCache}).
   */
  private final Remembered<Key, Built> lowered = new Remembered<>(CAPACITY);

  Converter(KnowledgeBase kb) {
    this.kb = kb;
  }

  /** A model as built for a release, with what the build lowered (empty: nothing). */
  record Built(Model model, List<Lowering> lowerings) {
    Built {
      lowerings = List.copyOf(lowerings);
    }
  }

  /**
   * {@code model}, which has a fused attention layer, as the converter builds it for {@code
   * release} (null: the current release, which has every op); the model itself when nothing is
   * lowered.
   */
  Built build(Model model, OsVersion release) {
    if (release == null) {
      return new Built(model, List.of());
    }
    Op op = kb.ops().get(FusedAttention.OP);
    ModelProfile profile = kb.models().get(model.id());
    String since = op == null ? "" : firstRelease(op, release);
    if (since.isEmpty() || profile == null) {
      return new Built(model, List.of());
    }
    return lowered.get(new Key(model, release), k -> lower(model, profile, release, since));
  }

  /**
   * The copies a call makes of a model's KV cache under {@code release} (null: the current
   * release): none when the release has Core ML states or the model keeps no cache.
   */
  CacheCopies cacheCopies(LayerFacts layers, OsVersion release, Coefficients k) {
    if (release == null || layers.stateBytes == 0) {
      return CacheCopies.NONE;
    }
    Op state = kb.ops().get(STATE_OP);
    if (state == null) {
      return CacheCopies.NONE;
    }
    String since = firstRelease(state, release);
    if (since.isEmpty()) {
      return CacheCopies.NONE;
    }
    return CacheCopies.of(layers.stateLayers, layers.stateBytes, k, release, since);
  }

  /**
   * The op's first release when {@code release} predates it on every unit, else the empty string: a
   * unit with no {@code since.os} has had the op all along.
   */
  static String firstRelease(Op op, OsVersion release) {
    String first = "";
    for (ComputeUnit unit : ComputeUnit.values()) {
      String since = op.supportOn(unit).sinceOs();
      if (since.isEmpty() || release.allows(since)) {
        return "";
      }
      first = first.isEmpty() ? since : first;
    }
    return first;
  }

  private Built lower(Model model, ModelProfile profile, OsVersion release, String since) {
    Model built = FusedAttention.lowered(profile, model, kb.ops().keySet());
    // a fused layer written out (explicit) has no shapes to lower from, and is still there
    Set<String> left =
        built.layers().stream().filter(Converter::fused).map(Layer::name).collect(toSet());
    List<Layer> replaced =
        model.layers().stream().filter(l -> fused(l) && !left.contains(l.name())).toList();
    if (replaced.isEmpty()) {
      return new Built(model, List.of());
    }
    String first = replaced.get(0).name();
    List<Layer> by = built.layers().stream().filter(l -> l.name().startsWith(first + ".")).toList();
    return new Built(
        built,
        List.of(
            new Lowering(FusedAttention.OP, replaced.size(), first, by, release, since, SOURCE)));
  }

  private static boolean fused(Layer layer) {
    return FusedAttention.OP.equals(layer.op());
  }

  /** A model compared by identity, and a release. */
  private record Key(Model model, OsVersion release) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key other && other.model == model && other.release.equals(release);
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(model) * 31 + release.hashCode();
    }
  }
}
