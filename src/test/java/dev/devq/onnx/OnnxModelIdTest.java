package dev.devq.onnx;

import static dev.devq.onnx.OnnxFixtures.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The id an import writes its model under: an {@code --id} is kept or refused, never changed; an id
 * from the file name is renamed where it cannot serve, and the import says so. The file is the
 * small hand-built model of {@link OnnxFixtures}.
 */
class OnnxModelIdTest {
  @TempDir Path dir;

  private Path save(String name, byte[] bytes) throws IOException {
    return OnnxFixtures.save(dir, name, bytes);
  }

  private void refusedWith(Path file, List<String> options, String... expected) {
    OnnxFixtures.refused(dir, file, options, expected);
  }

  @Test
  void refusesAnIdThatNamesASocOrADevice() throws IOException {
    Path f = save("small.onnx", model().build().toByteArray());
    // the profiles would refuse to load a model named like a SoC: this was an internal error (3)
    refusedWith(
        f, List.of("--id", "a16"), "--id 'a16' is already the name of soc 'a16'", "a16_onnx");
    refusedWith(f, List.of("--id", "iphone_12"), "is already the name of device 'iphone_12'");
    // an alias several ops share (ONNX's Resize) is as taken as one of a single op
    refusedWith(
        f,
        List.of("--id", "resize"),
        "--id 'resize' is already a name of ops resize_bilinear, resize_nearest, upsample");
  }

  /**
   * A model named like a built-in function took every call of it for its own parameters ({@code
   * latency(mobilenet_v2, a16)} failed with such an overlay); a state or unit word is refused too.
   */
  @Test
  void refusesAnIdThatIsAWordOfTheLanguage() throws IOException {
    Path f = save("small.onnx", model().build().toByteArray());
    for (String word : List.of("latency", "frame", "nominal", "cpu_only", "ms", "any", "table")) {
      refusedWith(
          f,
          List.of("--id", word),
          "the id '" + word + "' is a word of the query language",
          "--id " + word + "_model");
    }
  }

  /**
   * A file name that gives a word of the query language was refused ("all.onnx": give another with
   * --id) where one naming an op was renamed ("where.onnx" to where_onnx): without --id both are
   * renamed, and the import says so. An --id that is such a word stays refused (above).
   */
  @ParameterizedTest(name = "{0}.onnx")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      all      | a word of the query language
      latency  | a word of the query language
      ms       | a word of the query language
      where    | a word of the query language
      a16      | already the name of soc 'a16'
      resnet50 | already the name of model 'resnet50'
      zero_pad | already a name of op 'pad'
      resize   | already a name of ops resize_bilinear, resize_nearest, upsample
      """)
  void aFileNameThatCannotBeAnIdIsRenamedAndSaysSo(String stem, String why) throws IOException {
    Path f = save(stem + ".onnx", model().build().toByteArray());
    Path out = dir.resolve("renamed");
    OnnxRealModelsTest.Run r =
        OnnxRealModelsTest.devq("import", f.toString(), "--out", out.toString());
    assertEquals(0, r.code(), r.all());
    assertEquals(
        "devq: the file name gives the id '"
            + stem
            + "', "
            + why
            + "; the model is written as "
            + stem
            + "_onnx (--id gives it another)\n",
        r.err());
    assertTrue(Files.exists(out.resolve("models/" + stem + "_onnx.yaml")), r.all());
  }

  /**
   * An --id of a zoo model is allowed (an overlay overrides by id), but it silently replaced the
   * zoo's model under --profiles; now a note on stderr says so, naming where the model it replaces
   * is written, and an id nothing else uses gets none.
   */
  @Test
  void anIdOfAModelAlreadyThereIsImportedWithANote() throws IOException {
    Path f = save("small.onnx", model().build().toByteArray());
    Path out = dir.resolve("zoo");
    OnnxRealModelsTest.Run r =
        OnnxRealModelsTest.devq(
            "import", f.toString(), "--id", "resnet50", "--out", out.toString());
    assertEquals(0, r.code(), r.all());
    assertEquals(
        "devq: resnet50 is also a model in the built-in profiles; with --profiles "
            + out
            + " this file replaces it\n",
        r.err());
    assertTrue(r.out().startsWith("wrote " + out.resolve("models/resnet50.yaml")), r.all());

    OnnxRealModelsTest.Run fresh =
        OnnxRealModelsTest.devq("import", f.toString(), "--id", "mine", "--out", out.toString());
    assertEquals("", fresh.err(), fresh.all());
    Path again = dir.resolve("again");
    OnnxRealModelsTest.Run overlay =
        OnnxRealModelsTest.devq(
            "--profiles",
            out.toString(),
            "import",
            f.toString(),
            "--id",
            "mine",
            "--out",
            again.toString());
    assertEquals(0, overlay.code(), overlay.all());
    assertTrue(
        overlay
            .err()
            .startsWith("devq: mine is also a model in " + out.resolve("models/mine.yaml") + ";"),
        overlay.all());
  }

  @Test
  void refusesAnIdTooLongForAFileName() throws IOException {
    Path f = save("small.onnx", model().build().toByteArray());
    refusedWith(f, List.of("--id", "m" + "x".repeat(300)), "--id is 301 characters long");
  }
}
