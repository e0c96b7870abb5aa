package dev.devq.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.devq.DevqAssertions;
import dev.devq.Language;
import dev.devq.kb.KnowledgeBase;
import dev.devq.onnx.proto.Onnx;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real exports ({@link OnnxExports}) changed at the protobuf level by seeded mutations ({@link
 * OnnxMutations}): a size of 0, -1 or 2^62, an attribute, shape value or scale at an extreme or
 * NaN, an input or a node dropped, an op type swapped, the bytes cut short. Whatever the file, an
 * import describes it or refuses it with an {@link ImportFailure}, which {@code devq import} prints
 * as {@code error[IMPORT]} with exit 2; never another exception (a stack trace, exit 3), a hang, or
 * a NaN or an infinity in what it says or writes. What it describes, the knowledge base loads and
 * the model rules build: a description refused there is the importer's mistake, not the file's.
 * Further mutants of each model ({@link OnnxSchemaMutations}) break an op's ONNX schema right after
 * the input (an axis named twice, a Cast to no type, an input too many): each must be refused, for
 * that reason.
 *
 * <p>Each mutant runs the steps of {@code devq import} in process against one loaded knowledge base
 * (check, describe, load and build the description, count it), a few milliseconds each where the
 * command takes half a second; the first mutants of each model also run the command itself, exit
 * code and all. The seed is fixed: a failing case fails on every run, under its name.
 */
class OnnxMutationTest {
  private static final long SEED = 20_261_207L;

  /** The mutants of each model that also run {@code devq import} itself. */
  private static final int THROUGH_THE_COMMAND = 2;

  /** The mutants of each model that break an op's schema and must be refused for it. */
  private static final int SCHEMA_MUTANTS = 6;

  private static final List<String> NOT_A_NUMBER = List.of("NaN", "Infinity", "∞");

  /** YAML's spelling of NaN and the infinities, as a value. */
  private static final Pattern YAML_NOT_A_NUMBER =
      Pattern.compile("(?i)(^|[\\s:\\[,])[-+]?\\.(nan|inf)\\b");

  @TempDir static Path dir;

  /**
   * A source model: its file, the dims its import binds (the text model's), and how many mutants of
   * it to try (fewer of the larger ones).
   */
  private record Source(Path file, Map<String, Long> dims, int mutants) {}

  private static List<Source> sources() throws IOException {
    Path models = OnnxExports.dir();
    Path ops = OnnxExports.ops();
    // the external-data model reads its weights beside it: the mutants are saved next to a copy
    Files.copy(
        models.resolve("mobilenet_v2_external.weights"),
        dir.resolve("mobilenet_v2_external.weights"),
        StandardCopyOption.REPLACE_EXISTING);
    return List.of(
        new Source(models.resolve("mobilenet_v2_external.onnx"), Map.of(), 30),
        new Source(models.resolve("quantized_net.onnx"), Map.of(), 50),
        new Source(models.resolve("celu_net.onnx"), Map.of(), 40),
        new Source(models.resolve("text_encoder.onnx"), Map.of("batch", 1L, "seq", 32L), 60),
        new Source(ops.resolve("one_head.onnx"), Map.of(), 70),
        new Source(ops.resolve("pad.onnx"), Map.of(), 50),
        new Source(ops.resolve("gelu.onnx"), Map.of(), 30));
  }

  @TestFactory
  Stream<DynamicTest> everyMutantImportsOrIsRefusedCleanly() throws IOException {
    KnowledgeBase kb = DevqAssertions.kb();
    List<DynamicTest> cases = new ArrayList<>();
    int index = 0;
    // seeds count the seeded mutants alone: the schema mutants leave those as they were
    int seeded = 0;
    for (Source s : sources()) {
      String name = s.file().getFileName().toString().replace(".onnx", "");
      var model = Onnx.ModelProto.parseFrom(Files.readAllBytes(s.file()));
      List<OnnxMutations.Mutant> mutants =
          new ArrayList<>(new OnnxMutations(model, SEED + seeded).next(s.mutants()));
      mutants.addAll(new OnnxSchemaMutations(model, ~(SEED + seeded)).next(SCHEMA_MUTANTS));
      seeded += s.mutants();
      for (int k = 0; k < mutants.size(); k++) {
        int n = index++;
        OnnxMutations.Mutant m = mutants.get(k);
        boolean command = k < THROUGH_THE_COMMAND;
        cases.add(
            DynamicTest.dynamicTest(
                name + " #" + n + ": " + m.what(),
                () -> {
                  Path file = OnnxFixtures.save(dir, "mutant" + n + ".onnx", m.bytes());
                  assertTimeoutPreemptively(
                      Duration.ofSeconds(20),
                      () -> {
                        if (command) {
                          runsTheCommand(n, file, s.dims());
                        }
                        importsOrRefuses(file, s.dims(), kb, m.refusal());
                      });
                  Files.delete(file);
                }));
      }
    }
    return cases.stream();
  }

  /** The steps of {@code devq import}: what it would print is a refusal or a description. */
  private static void importsOrRefuses(
      Path file, Map<String, Long> dims, KnowledgeBase kb, String refusal) throws IOException {
    OnnxImport.Described d;
    try {
      OnnxImport.Checked c = OnnxImport.check(file, new OnnxImport.Options("", dims));
      d = OnnxImport.describe(c, kb, Language.reservedWords());
    } catch (ImportFailure e) {
      assertFalse(e.getMessage().isBlank(), "a refusal says why");
      noNumberThatIsNot(e.getMessage() + "\n" + e.note());
      assertTrue(
          e.getMessage().contains(refusal), "refused, but not as expected: " + e.getMessage());
      return;
    } catch (RuntimeException | StackOverflowError e) {
      var trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      fail("an internal error, not a refusal:\n" + trace);
      return;
    }
    assertTrue(refusal.isEmpty(), "a file ONNX refuses was described as " + d.id());
    noNumberThatIsNot(d.yaml());
    assertFalse(YAML_NOT_A_NUMBER.matcher(d.yaml()).find(), d.yaml());
    KnowledgeBase with = OnnxFixtures.loadsAndBuilds(dir, d, kb);
    OnnxImport.Summary s = OnnxImport.summarize(with, d.id());
    assertTrue(s.params() >= 0 && s.macs() >= 0, s.toString());
    assertTrue(Double.isFinite(s.weightBytes()) && s.weightBytes() >= 0, s.toString());
  }

  /** {@code devq import} itself: exit 0, or exit 2 with a message and nothing written. */
  private static void runsTheCommand(int n, Path file, Map<String, Long> dims) {
    Path out = dir.resolve("out" + n);
    List<String> args =
        new ArrayList<>(List.of("import", file.toString(), "--out", out.toString()));
    new HashMap<>(dims).forEach((k, v) -> args.addAll(List.of("--dim", k + "=" + v)));
    OnnxRealModelsTest.Run r = OnnxRealModelsTest.devq(args.toArray(String[]::new));
    String all = r.all();
    assertFalse(all.contains("Exception") || all.contains("\tat "), all);
    noNumberThatIsNot(all);
    if (r.code() == 2) {
      assertTrue(r.err().contains("error[IMPORT]: "), all);
      assertFalse(Files.exists(out), "nothing may be written: " + all);
    } else {
      assertEquals(0, r.code(), all);
    }
  }

  private static void noNumberThatIsNot(String text) {
    for (String bad : NOT_A_NUMBER) {
      assertFalse(text.contains(bad), "'" + bad + "' in:\n" + text);
    }
  }
}
