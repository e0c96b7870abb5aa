package dev.devq.kb;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * A loaded, validated knowledge base as bytes and back ({@link RecordCodec}), for the snapshot the
 * build makes so that a start need not read and check the YAML profiles again.
 */
public final class KnowledgeBaseCodec {
  private KnowledgeBaseCodec() {}

  /** Every argument of the knowledge base's constructor: a new one fails to compile here. */
  private record Contents(
      List<Soc> socs,
      List<Device> devices,
      List<Op> ops,
      List<ModelProfile> models,
      List<Source> sources,
      List<NamedQuantity> budgets,
      List<NamedQuantity> constants,
      Calibration calibration,
      Calibration runtimeCalibration,
      String version) {}

  public static void write(KnowledgeBase kb, DataOutputStream out) throws IOException {
    RecordCodec.write(
        new Contents(
            List.copyOf(kb.socs().values()),
            List.copyOf(kb.devices().values()),
            List.copyOf(kb.ops().values()),
            List.copyOf(kb.models().values()),
            List.copyOf(kb.sources().values()),
            List.copyOf(kb.budgets().values()),
            List.copyOf(kb.constants().values()),
            kb.calibration(),
            kb.runtimeCalibration(),
            kb.version()),
        out);
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
        c.calibration(),
        c.runtimeCalibration(),
        c.version());
  }
}
