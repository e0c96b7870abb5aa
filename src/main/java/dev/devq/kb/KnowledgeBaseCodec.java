package dev.devq.kb;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A loaded, validated knowledge base as bytes and back ({@link RecordCodec}), for the snapshot the
 * build makes so that a start need not read and check the YAML profiles again. Each entity and
 * source is a {@link Deferred} block of its own, decoded when first read: a one-shot query decodes
 * the few entities it names, not the whole catalog. The table of names and aliases is stored beside
 * them, so looking a name up decodes only the entity it names.
 */
public final class KnowledgeBaseCodec {
  private KnowledgeBaseCodec() {}

  /** Every argument of the knowledge base's constructor: a new one fails to compile here. */
  private record Contents(
      Map<String, Deferred<Soc>> socs,
      Map<String, Deferred<Device>> devices,
      Map<String, Deferred<Op>> ops,
      Map<String, Deferred<ModelProfile>> models,
      Map<String, Deferred<Source>> sources,
      List<NamedQuantity> budgets,
      List<NamedQuantity> constants,
      OsReleases releases,
      Map<String, List<String>> names,
      Calibration calibration,
      Calibration runtimeCalibration,
      String version) {}

  public static void write(KnowledgeBase kb, DataOutputStream out) throws IOException {
    RecordCodec.write(
        new Contents(
            deferred(kb.socs()),
            deferred(kb.devices()),
            deferred(kb.ops()),
            deferred(kb.models()),
            deferred(kb.sources()),
            List.copyOf(kb.budgets().values()),
            List.copyOf(kb.constants().values()),
            kb.releases(),
            new TreeMap<>(kb.names()),
            kb.calibration(),
            kb.runtimeCalibration(),
            kb.version()),
        out);
  }

  /** Each value as a block of its own, in the map's order. */
  private static <T> Map<String, Deferred<T>> deferred(Map<String, T> items) {
    Map<String, Deferred<T>> out = new LinkedHashMap<>();
    items.forEach((id, item) -> out.put(id, Deferred.of(item)));
    return out;
  }

  /**
   * The knowledge base {@link #write} wrote.
   *
   * @throws IOException when the bytes are not a snapshot of this build's records
   */
  public static KnowledgeBase read(ByteBuffer in) throws IOException {
    Contents c = RecordCodec.read(Contents.class, in);
    return new KnowledgeBase(
        c.socs(),
        c.devices(),
        c.ops(),
        c.models(),
        c.sources(),
        c.budgets(),
        c.constants(),
        c.releases(),
        c.names(),
        c.calibration(),
        c.runtimeCalibration(),
        c.version());
  }
}
