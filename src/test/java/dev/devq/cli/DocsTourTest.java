package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.GoldenFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The README and the pages of docs/ show what devq prints: every {@code $ ./devq} eval, check,
 * explain, info, list, search, validate, plot and doc in their code blocks (indented ones too; a
 * command may go on over lines ending in {@code \\}) is run and its output compared with the lines
 * under it ({@code -Dgolden.update=true} rewrites them). Code blocks are found as CommonMark finds
 * them, so prose that starts with a code span opens none and a {@code ````} block holds {@code ```}
 * lines. An example may leave lines out with a line {@code …}: the lines above it are compared with
 * the output's first lines, those below it with its last. {@link DocsCommand} says which commands
 * are left alone (refits, commands that write files for the user, other shell pipes than {@code
 * head} and {@code tail}) and where what they write goes.
 *
 * <p>A page tells the tour more in an HTML comment on a line of its own before a code block
 * (invisible where the page is read): {@code <!-- docs-tour: in FILE "OLD" becomes "NEW" -->} makes
 * that edit in a copy of FILE before the block's command runs (a page showing what {@code doc} says
 * of a changed document), and {@code <!-- docs-tour: excerpt of FILE.md -->} says the block quotes
 * a {@code devq} block of that review document, whose result (hashes included) is compared with
 * what a fresh {@code devq doc} of the document writes under it.
 */
class DocsTourTest {
  private static final String PROMPT = "$ ./devq ";
  private static final String ELIDED = "…";
  private static final String END_OF_RESULT = "<!-- devq:end -->";

  /** What a page tells the tour, in an HTML comment on a line of its own before a code block. */
  private static final Pattern DIRECTIVE = Pattern.compile("<!-- docs-tour: (.*) -->");

  /** The code block under it quotes a block of a review document and its result. */
  private static final Pattern EXCERPT = Pattern.compile("excerpt of (\\S+)");

  static Stream<Path> pages() throws IOException {
    Path root = DevqAssertions.projectDir();
    List<Path> pages = new ArrayList<>(List.of(root.resolve("README.md")));
    try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    return pages.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void everyCommandItRunsPrintsWhatThePageShows(Path page) throws IOException {
    DevqAssertions.devq();
    GoldenFiles.assertMatches(page, rerun(Files.readAllLines(page)));
  }

  /**
   * The figures the prose quotes from a command's output, a page, the command and the sentence each
   * ({@link DocsFigures} says how a sentence names its figures). The held-out ones are those of the
   * shipped fit, and {@code devq calibrate} prints the same folds' figures (cost-model.md). A
   * figure a command too slow for a test prints is not quoted as today's: it is a dated record in
   * docs/history/.
   */
  @ParameterizedTest(name = "{0}: {2}")
  @CsvSource(
      delimiterString = " ~ ",
      quoteCharacter = '^',
      textBlock =
          """
      README.md ~ validate --report ../shared/data/calibration.csv profiles/calibration/coreml-fitted.csv ~ high-fidelity rows (Xcode performance reports, {high rows}) are off by a median {high median}%
      README.md ~ validate --report ../shared/data/calibration.csv profiles/calibration/coreml-fitted.csv ~ conversions) by {medium median}%; SwiftFormer's paper, left out, by {swiftformer_paper median}%.
      README.md ~ validate --report ../shared/data/calibration.csv profiles/calibration/coreml-fitted.csv ~ per compute-unit setting; it holds {range share}% of the rows held out by source,
      README.md ~ validate --report --holdout family ../shared/data/calibration.csv profiles/calibration/coreml-fitted.csv ~ {range share}% of those held out by chip generation and
      README.md ~ validate profiles/calibration/coreml-heldout.csv profiles/calibration/coreml-cited.csv ~ generation and {range share}% of the rows kept outside the fit
      README.md ~ validate profiles/calibration/coreml-heldout.csv profiles/calibration/coreml-cited.csv ~ {total rows} rows): `profiles/calibration/coreml-heldout.csv` (
      README.md ~ validate profiles/calibration/coreml-heldout.csv ~ `profiles/calibration/coreml-heldout.csv` ({total rows} rows:
      README.md ~ validate profiles/calibration/coreml-cited.csv ~ measurements in `coreml-cited.csv` ({total rows} rows:
      README.md ~ validate profiles/calibration/coreml-heldout.csv profiles/calibration/coreml-cited.csv ~ The {high rows} high-fidelity rows among them (a named timing tool) are off by a median {high median}%
      README.md ~ validate profiles/calibration/coreml-heldout.csv profiles/calibration/coreml-cited.csv ~ the medium ones by {medium median}%
      README.md ~ validate profiles/calibration/coreml-heldout.csv profiles/calibration/coreml-cited.csv ~ (worst: MobileOne-S0 on the iPhone 12 Pro {mobileone_s0, iphone_12_pro, error}%, RepViT-M2.3 {repvit_m2_3, iphone_12 error}%)
      README.md ~ validate profiles/calibration/coreml-heldout.csv profiles/calibration/coreml-cited.csv ~ (MobileNetV4-Conv-S {mobilenet_v4_conv_s, iphone_13 error}% and Hybrid-M {mobilenet_v4_hybrid_m, iphone_13 error}%
      docs/cost-model.md ~ validate --report ../shared/data/calibration.csv profiles/calibration/coreml-fitted.csv ~ one source out of the {held out rows} rows it reads
      docs/cost-model.md ~ validate --report ../shared/data/calibration.csv profiles/calibration/coreml-fitted.csv ~ | all {held out rows}, held out | **{held out median}%** | {held out w25}% | {held out w50}% |
      docs/cost-model.md ~ validate --report ../shared/data/calibration.csv profiles/calibration/coreml-fitted.csv ~ | high fidelity {high rows}, held out | **{high median}%** | {high w25}% | {high w50}% |
      docs/cost-model.md ~ validate --report ../shared/data/calibration.csv profiles/calibration/coreml-fitted.csv ~ | medium fidelity {medium rows}, held out | {medium median}% | {medium w25}% | {medium w50}% |
      docs/cost-model.md ~ validate --report ../shared/data/calibration.csv profiles/calibration/coreml-fitted.csv ~ | all {in sample rows}, in sample (not the bar) | {in sample median}% | {in sample w25}% | {in sample w50}% |
      docs/cost-model.md ~ validate --report ../shared/data/calibration.csv profiles/calibration/coreml-fitted.csv ~ The 80% range holds {range share}% of held-out rows
      docs/cost-model.md ~ validate --report ../shared/data/calibration.csv profiles/calibration/coreml-fitted.csv ~ By compute units: `all` {all median}% ({all rows} rows), `cpu_and_gpu` {cpu_and_gpu median}% ({cpu_and_gpu rows}), `cpu_only` {cpu_only median}% ({cpu_only rows}), `cpu_and_ne` {cpu_and_ne median}% ({cpu_and_ne rows})
      docs/cost-model.md ~ validate --report ../shared/data/calibration.csv profiles/calibration/coreml-fitted.csv ~ pruning tables {opt-palettization-perf.md median}%, {opt-quantization-perf.md median}% and {opt-pruning-perf.md median}%, OPT-1.3B {opt-opt1_3.md median}%, SwiftFormer's paper {swiftformer_paper median}%, Apple's Llama 3.1 article {core-ml-on-device-llama median}%
      docs/cost-model.md ~ validate --report ../shared/data/calibration.csv profiles/calibration/coreml-fitted.csv ~ (VGG {vgg/README.md median}%, MobileNetV2 {mobilenet_v2/README.md median}%, ResNet {resnet_v1/README.md median}%, AlexNet {alexnet/README.md median}%, DenseNet {densenet/README.md median}%)
      docs/cost-model.md ~ validate --report ../shared/data/calibration.csv profiles/calibration/coreml-fitted.csv ~ 80% range: residuals of rows held out by 'source', each group predicted by a fit on the others; pooled with the rows held out by chip family, each group of either weighing the same ({held out rows} rows, median abs error {held out median}%, within ±10%: {held out w10}%, within ±25%: {held out w25}%, within ±50%: {held out w50}%)
      docs/cost-model.md ~ validate --report --holdout family ../shared/data/calibration.csv profiles/calibration/coreml-fitted.csv ~ held out by chip family: {held out rows} rows, median abs error {held out median}%, within ±10%: {held out w10}%, within ±25%: {held out w25}%, within ±50%: {held out w50}%
      docs/cost-model.md ~ validate --report ../shared/data/calibration.csv profiles/calibration/coreml-fitted.csv ~ held out, high: {high rows} rows, median abs error {high median}%, within ±10%: {high w10}%, within ±25%: {high w25}%, within ±50%: {high w50}%
      docs/cost-model.md ~ validate --report ../shared/data/calibration.csv profiles/calibration/coreml-fitted.csv ~ held out, medium: {medium rows} rows, median abs error {medium median}%, within ±10%: {medium w10}%, within ±25%: {medium w25}%, within ±50%: {medium w50}%
      docs/cost-model.md ~ validate --report --holdout family ../shared/data/calibration.csv profiles/calibration/coreml-fitted.csv ~ a device the fit has not seen: median error {held out median}%)
      docs/cost-model.md ~ validate --report ../shared/data/calibration.csv profiles/calibration/coreml-fitted.csv ~ pooled, it holds {range share}% by source,
      docs/cost-model.md ~ validate --report --holdout family ../shared/data/calibration.csv profiles/calibration/coreml-fitted.csv ~ by source, {range share}% by chip
      docs/cost-model.md ~ validate profiles/calibration/coreml-heldout.csv profiles/calibration/coreml-cited.csv ~ generation and {range share}% ({range inside} of {range of}) of the rows kept outside the fit
      docs/cost-model.md ~ validate profiles/calibration/coreml-heldout.csv ~ (`devq validate profiles/calibration/coreml-heldout.csv`: {range inside} of {range of})
      docs/cost-model.md ~ validate profiles/calibration/coreml-heldout.csv profiles/calibration/coreml-cited.csv ~ The {total rows} rows kept outside
      docs/cost-model.md ~ validate profiles/calibration/coreml-heldout.csv profiles/calibration/coreml-cited.csv ~ median absolute error {total median}% on all, {high median}% on the {high rows} high-fidelity ones, {medium median}% on the {medium rows} medium ones; the 80% range holds {range share}% ({range inside} of {range of})
      docs/cost-model.md ~ validate profiles/calibration/coreml-heldout.csv profiles/calibration/coreml-cited.csv ~ | MobileNetV4 Conv-S, iPhone 13 | {mobilenet_v4_conv_s, iphone_13 predicted} ms | {mobilenet_v4_conv_s, iphone_13 measured} ms | {mobilenet_v4_conv_s, iphone_13 error}% |
      docs/cost-model.md ~ validate profiles/calibration/coreml-heldout.csv profiles/calibration/coreml-cited.csv ~ | MobileNetV4 Conv-M, iPhone 13 | {mobilenet_v4_conv_m, iphone_13 predicted} ms | {mobilenet_v4_conv_m, iphone_13 measured} ms | {mobilenet_v4_conv_m, iphone_13 error}% |
      docs/cost-model.md ~ validate profiles/calibration/coreml-heldout.csv profiles/calibration/coreml-cited.csv ~ | MobileNetV4 Hybrid-M, iPhone 13 | {mobilenet_v4_hybrid_m, iphone_13 predicted} ms | {mobilenet_v4_hybrid_m, iphone_13 measured} ms | {mobilenet_v4_hybrid_m, iphone_13 error}% |
      docs/cost-model.md ~ validate profiles/calibration/coreml-heldout.csv profiles/calibration/coreml-cited.csv ~ | FastViT T8, iPhone 12 Pro | {fastvit_t8, iphone_12_pro, predicted} ms | {fastvit_t8, iphone_12_pro, measured} ms | {fastvit_t8, iphone_12_pro, error}% |
      docs/cost-model.md ~ validate profiles/calibration/coreml-heldout.csv profiles/calibration/coreml-cited.csv ~ | FastViT T12, iPhone 12 Pro | {fastvit_t12, iphone_12_pro, predicted} ms | {fastvit_t12, iphone_12_pro, measured} ms | {fastvit_t12, iphone_12_pro, error}% |
      docs/cost-model.md ~ validate profiles/calibration/coreml-heldout.csv profiles/calibration/coreml-cited.csv ~ | FastViT SA12, iPhone 12 Pro | {fastvit_sa12, iphone_12_pro, predicted} ms | {fastvit_sa12, iphone_12_pro, measured} ms | {fastvit_sa12, iphone_12_pro, error}% |
      docs/cost-model.md ~ validate profiles/calibration/coreml-heldout.csv profiles/calibration/coreml-cited.csv ~ | FastViT SA36, iPhone 12 Pro | {fastvit_sa36, iphone_12_pro, predicted} ms | {fastvit_sa36, iphone_12_pro, measured} ms | {fastvit_sa36, iphone_12_pro, error}% |
      docs/cost-model.md ~ validate profiles/calibration/coreml-heldout.csv profiles/calibration/coreml-cited.csv ~ | FastViT MA36, iPhone 12 Pro | {fastvit_ma36, iphone_12_pro, predicted} ms | {fastvit_ma36, iphone_12_pro, measured} ms | {fastvit_ma36, iphone_12_pro, error}% |
      docs/cost-model.md ~ validate profiles/calibration/coreml-heldout.csv profiles/calibration/coreml-cited.csv ~ | FastViT T8, M3 Max (Apple's card) | {fastvit_t8, m3_max predicted} ms | {fastvit_t8, m3_max measured} ms | {fastvit_t8, m3_max error}% |
      docs/cost-model.md ~ validate profiles/calibration/coreml-heldout.csv profiles/calibration/coreml-cited.csv ~ | FastViT MA36, M3 Max (Apple's card) | {fastvit_ma36, m3_max predicted} ms | {fastvit_ma36, m3_max measured} ms | {fastvit_ma36, m3_max error}% |
      docs/cost-model.md ~ validate profiles/calibration/coreml-heldout.csv profiles/calibration/coreml-cited.csv ~ | EfficientFormerV2 S0, iPhone 12 | {efficientformerv2_s0, iphone_12 predicted} ms | {efficientformerv2_s0, iphone_12 measured} ms | {efficientformerv2_s0, iphone_12 error}% |
      docs/cost-model.md ~ validate profiles/calibration/coreml-heldout.csv profiles/calibration/coreml-cited.csv ~ | EfficientFormerV2 S1, iPhone 12 | {efficientformerv2_s1, iphone_12, predicted} ms | {efficientformerv2_s1, iphone_12, measured} ms | {efficientformerv2_s1, iphone_12, error}% |
      docs/cost-model.md ~ validate profiles/calibration/coreml-heldout.csv profiles/calibration/coreml-cited.csv ~ | EfficientFormerV2 S2, iPhone 12 | {efficientformerv2_s2, iphone_12, predicted} ms | {efficientformerv2_s2, iphone_12, measured} ms | {efficientformerv2_s2, iphone_12, error}% |
      docs/cost-model.md ~ validate profiles/calibration/coreml-heldout.csv profiles/calibration/coreml-cited.csv ~ | EfficientFormerV2 L, iPhone 12 | {efficientformerv2_l, iphone_12 predicted} ms | {efficientformerv2_l, iphone_12 measured} ms | {efficientformerv2_l, iphone_12 error}% |
      docs/cost-model.md ~ validate profiles/calibration/coreml-heldout.csv profiles/calibration/coreml-cited.csv ~ | RepViT M0.9, iPhone 12 | {repvit_m0_9, iphone_12 predicted} ms | {repvit_m0_9, iphone_12 measured} ms | {repvit_m0_9, iphone_12 error}% |
      docs/cost-model.md ~ validate profiles/calibration/coreml-heldout.csv profiles/calibration/coreml-cited.csv ~ | RepViT M1.1, iPhone 12 | {repvit_m1_1, iphone_12 predicted} ms | {repvit_m1_1, iphone_12 measured} ms | {repvit_m1_1, iphone_12 error}% |
      docs/cost-model.md ~ validate profiles/calibration/coreml-heldout.csv profiles/calibration/coreml-cited.csv ~ | RepViT M1.5, iPhone 12 | {repvit_m1_5, iphone_12 predicted} ms | {repvit_m1_5, iphone_12 measured} ms | {repvit_m1_5, iphone_12 error}% |
      docs/cost-model.md ~ validate profiles/calibration/coreml-heldout.csv profiles/calibration/coreml-cited.csv ~ | RepViT M2.3, iPhone 12 | {repvit_m2_3, iphone_12 predicted} ms | {repvit_m2_3, iphone_12 measured} ms | {repvit_m2_3, iphone_12 error}% |
      docs/cost-model.md ~ validate profiles/calibration/coreml-fitted.csv ~ | SwiftFormer XS, iPhone 14 (fitted) | {swiftformer_xs, iphone_14 predicted} ms | {swiftformer_xs, iphone_14 measured} ms | {swiftformer_xs, iphone_14 error}% |
      docs/cost-model.md ~ validate profiles/calibration/coreml-fitted.csv ~ | SwiftFormer S, iPhone 14 (fitted) | {swiftformer_s, iphone_14 predicted} ms | {swiftformer_s, iphone_14 measured} ms | {swiftformer_s, iphone_14 error}% |
      docs/cost-model.md ~ validate profiles/calibration/coreml-fitted.csv ~ | SwiftFormer L1, iPhone 14 (fitted) | {swiftformer_l1, iphone_14 predicted} ms | {swiftformer_l1, iphone_14 measured} ms | {swiftformer_l1, iphone_14 error}% |
      docs/cost-model.md ~ validate profiles/calibration/coreml-fitted.csv ~ | SwiftFormer L3, iPhone 14 (fitted) | {swiftformer_l3, iphone_14 predicted} ms | {swiftformer_l3, iphone_14 measured} ms | {swiftformer_l3, iphone_14 error}% |
      docs/cost-model.md ~ validate --report --holdout family ../shared/data/calibration-runtimes.csv profiles/calibration/runtimes-cited.csv ~ | chip family M1 | {m1 rows} | {m1 median}% | {m1 w10}% |
      docs/cost-model.md ~ validate --report --holdout family ../shared/data/calibration-runtimes.csv profiles/calibration/runtimes-cited.csv ~ | chip family M2 | {m2 rows} | {m2 median}% | {m2 w10}% |
      docs/cost-model.md ~ validate --report --holdout family ../shared/data/calibration-runtimes.csv profiles/calibration/runtimes-cited.csv ~ | chip family M3 | {m3 rows} | {m3 median}% | {m3 w10}% |
      docs/cost-model.md ~ validate --report --holdout family ../shared/data/calibration-runtimes.csv profiles/calibration/runtimes-cited.csv ~ | chip family M4 | {m4 rows} | {m4 median}% | {m4 w10}% |
      docs/cost-model.md ~ validate --report --holdout family ../shared/data/calibration-runtimes.csv profiles/calibration/runtimes-cited.csv ~ | iPhone 17 Pro (A19 Pro, ExecuTorch) | {a19 rows} | {a19 median}% | {a19 w10}% |
      docs/cost-model.md ~ validate --report --holdout family ../shared/data/calibration-runtimes.csv profiles/calibration/runtimes-cited.csv ~ | iPhone SE 3 (A15, ExecuTorch) | {a15 rows} | {a15 median}% | {a15 w10}% |
      docs/cost-model.md ~ validate --report --holdout family ../shared/data/calibration-runtimes.csv profiles/calibration/runtimes-cited.csv ~ | **all families** | {held out rows} | **{held out median}%** | {held out w10}% |
      docs/cost-model.md ~ validate --report --holdout family ../shared/data/calibration-runtimes.csv profiles/calibration/runtimes-cited.csv ~ ({a19 median}% on the A19 Pro, {a15 median}% on the one A15 row)
      docs/cost-model.md ~ validate --report ../shared/data/calibration-runtimes.csv profiles/calibration/runtimes-cited.csv ~ | source: llama.cpp discussion #4167 | {discussions/4167 rows} | {discussions/4167 median}% | {discussions/4167 w10}% |
      docs/cost-model.md ~ validate --report ../shared/data/calibration-runtimes.csv profiles/calibration/runtimes-cited.csv ~ | source: llama.cpp PR #3084 | {pull/3084 rows} | {pull/3084 median}% | {pull/3084 w10}% |
      docs/cost-model.md ~ validate --report ../shared/data/calibration-runtimes.csv profiles/calibration/runtimes-cited.csv ~ | source: normiebench #40 | {normiebench rows} | {normiebench median}% | {normiebench w10}% |
      docs/cost-model.md ~ validate --report ../shared/data/calibration-runtimes.csv profiles/calibration/runtimes-cited.csv ~ | source: XiongjieDai issue #1 (the CPU rows) | {XiongjieDai rows} | {XiongjieDai median}% | {XiongjieDai w10}% |
      docs/cost-model.md ~ validate --report ../shared/data/calibration-runtimes.csv profiles/calibration/runtimes-cited.csv ~ | source: React Native ExecuTorch benchmark (every ExecuTorch row) | {react-native-executorch rows} | {react-native-executorch median}% | {react-native-executorch w10}% |
      docs/cost-model.md ~ validate --report ../shared/data/calibration-runtimes.csv profiles/calibration/runtimes-cited.csv ~ | **all sources** | {held out rows} | **{held out median}%** | {held out w10}% |
      docs/cost-model.md ~ validate --report ../shared/data/calibration-runtimes.csv profiles/calibration/runtimes-cited.csv ~ With sources held out (the second command above) the range holds {range share}% of the held-out rows
      docs/cost-model.md ~ validate --report ../shared/data/calibration-runtimes.csv profiles/calibration/runtimes-cited.csv ~ the held-out medians are {cpu_and_gpu median}% for llama.cpp on Metal (`cpu_and_gpu`, {cpu_and_gpu rows} rows) and {cpu_only median}% for the CPU rows of llama.cpp and ExecuTorch (`cpu_only`, {cpu_only rows})
      docs/cost-model.md ~ validate --report ../shared/data/calibration-runtimes.csv profiles/calibration/runtimes-cited.csv ~ leaves the llama.cpp CPU constants with no row ({XiongjieDai median}%, the neutral constants' error)
      docs/cost-model.md ~ validate --report ../shared/data/calibration-runtimes.csv profiles/calibration/runtimes-cited.csv ~ does the same for ExecuTorch ({react-native-executorch median}%)
      docs/cost-model.md ~ validate --report ../shared/data/calibration-runtimes.csv profiles/calibration/runtimes-cited.csv ~ keeps Metal predicted within a median of {discussions/4167 median}% from the 6 Metal rows
      docs/cost-model.md ~ validate profiles/calibration/runtimes-heldout.csv ~ below it holds {range inside} of {range of}
      docs/cost-model.md ~ validate profiles/calibration/runtimes-heldout.csv ~ | {cpu_and_gpu rows} llama.cpp on Metal (`cpu_and_gpu`) | {cpu_and_gpu median}% | {cpu_and_gpu w25}% |
      docs/cost-model.md ~ validate profiles/calibration/runtimes-heldout.csv ~ | {cpu_only rows} ExecuTorch (`cpu_only`: iPhone 16 Pro Whisper tiny; iPhone 15 Pro Llama 2 7B w4) | {cpu_only median}% | {cpu_only w25}% |
      docs/cost-model.md ~ validate profiles/calibration/runtimes-heldout.csv ~ | **all {total rows}** | **{total median}%** | {total w25}% |
      """)
  void theProseQuotesTheFiguresTheCommandPrintsToday(String page, String command, String sentence)
      throws IOException {
    DocsFigures.assertQuotes(page, command, sentence);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      ```                                              | true
      ````markdown                                     | true
      ~~~ devq                                         | true
      ```` ```devq file=x.devq ```` (paths relative)   | false
      `` not a fence                                   | false
      """)
  void aCodeBlockOpensWhereCommonMarkOpensOne(String line, boolean opens) {
    assertEquals(opens, opensFence(line));
  }

  @ParameterizedTest(name = "{0} in {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      ```      | ````  | false
      ```devq  | ```   | false
      ````     | ````  | true
      `````    | ```   | true
      ~~~      | ```   | false
      """)
  void aCodeBlockClosesOnlyOnALongEnoughBareFence(String line, String fence, boolean closes) {
    assertEquals(closes, closesFence(line, fence));
  }

  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(
      delimiterString = " => ",
      quoteCharacter = '"',
      textBlock =
          """
      eval 'latency(resnet50, a16)' | tail -2                             => true
      --profiles src/test/resources/cli-overlays/three-errors list socs  => true
      --profiles devq-profiles explain 'latency(celu_net, iphone_12)'    => false
      plot --timeline 'latency(resnet50, a16)' -o docs/plots/t.svg       => true
      validate --report measurements.csv | head -4                       => true
      calibrate --out my-profiles measurements.csv                       => false
      doc queries/review-example.md                                      => true
      check escape-review.md 2>&1 | sed -n 4,9p                          => false
      """)
  void runsTheCommandsWhoseOutputIsItsOwnAndCheap(String command, boolean runs) {
    assertEquals(runs, DocsCommand.parse(command).isPresent());
  }

  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(
      delimiterString = " => ",
      quoteCharacter = '"',
      textBlock =
          """
      plot --timeline 'latency(resnet50, a16)' -o docs/plots/timeline.svg  => docs/plots/timeline.svg
      plot --timeline 'latency(resnet50, a16)' -o ios18.svg                => ""
      plot --timeline 'latency(resnet50, a16)'                             => ""
      """)
  void aPlotDrawnIntoDocsIsComparedWithTheFigureShipped(String command, String figure) {
    assertEquals(
        figure,
        DocsCommand.parse(command)
            .orElseThrow()
            .shippedFigure()
            .map(f -> DevqAssertions.projectDir().relativize(f).toString())
            .orElse(""));
  }

  @Test
  void aDocExampleRunsOnACopyAndChangesNothingInTheProject() throws IOException {
    Path shipped = DevqAssertions.projectDir().resolve("queries/review-example.md");
    byte[] before = Files.readAllBytes(shipped);
    var edit =
        DocsSandbox.Edit.parse(
                "in queries/review-example.md \"size(seg) = 22.1 MB\" becomes \"size(seg) = 9 MB\"")
            .orElseThrow();
    List<String> printed =
        DocsCommand.parse("doc queries/review-example.md").orElseThrow().run(List.of(edit));
    assertTrue(printed.get(0).startsWith("error[DOCUMENT]: this result region was edited by hand"));
    // the sandbox's path is the project's again in what the page shows
    assertTrue(printed.get(1).strip().startsWith("--> queries/review-example.md:"), printed.get(1));
    assertArrayEquals(before, Files.readAllBytes(shipped));
  }

  /**
   * The page with the output under each command it runs replaced by the command's output, and each
   * quoted block with its result as a fresh {@code devq doc} of its document writes it.
   */
  private static String rerun(List<String> lines) {
    var out = new StringBuilder();
    String fence = null;
    List<DocsSandbox.Edit> edits = new ArrayList<>();
    String excerptOf = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      out.append(line).append('\n');
      String text = line.strip();
      Matcher directive = DIRECTIVE.matcher(text);
      if (fence == null && directive.matches()) {
        Matcher excerpt = EXCERPT.matcher(directive.group(1));
        if (excerpt.matches()) {
          excerptOf = excerpt.group(1);
        } else {
          edits.add(
              DocsSandbox.Edit.parse(directive.group(1))
                  .orElseThrow(() -> new AssertionError("unknown directive: " + text)));
        }
        continue;
      }
      if (fence == null ? opensFence(text) : closesFence(text, fence)) {
        assertTrue(fence == null || edits.isEmpty(), "no command under the edit " + edits);
        fence = fence == null ? text.substring(0, fenceLength(text)) : null;
        if (fence != null && excerptOf != null) {
          i = quote(lines, i, fence, excerptOf, out);
          excerptOf = null;
        }
        continue;
      }
      if (fence == null || !text.startsWith(PROMPT)) {
        continue;
      }
      var command = new StringBuilder(text);
      while (command.toString().endsWith("\\") && i + 1 < lines.size()) {
        command.setLength(command.length() - 1);
        out.append(lines.get(++i)).append('\n');
        command.append(' ').append(lines.get(i).strip());
      }
      var run = DocsCommand.parse(command.substring(PROMPT.length()));
      if (run.isEmpty()) {
        continue;
      }
      String indent = line.substring(0, line.indexOf('$'));
      List<String> shown = new ArrayList<>();
      while (i + 1 < lines.size()
          && !lines.get(i + 1).strip().startsWith("$ ")
          && !closesFence(lines.get(i + 1).strip(), fence)) {
        shown.add(lines.get(++i));
      }
      List<String> printed = run.get().run(edits);
      edits = new ArrayList<>();
      int elided = shown.stream().map(String::strip).toList().indexOf(ELIDED);
      int after = elided < 0 ? 0 : trimmed(shown).size() - elided - 1;
      List<String> whole = trimmed(printed);
      if (elided >= 0 && elided + after < whole.size()) {
        List<String> kept = new ArrayList<>(whole.subList(0, elided));
        kept.add(ELIDED);
        kept.addAll(whole.subList(whole.size() - after, whole.size()));
        printed = kept;
      }
      for (String p : printed) {
        out.append(p.isEmpty() ? "" : indent + p).append('\n');
      }
    }
    assertTrue(edits.isEmpty() && excerptOf == null, "a directive at the end of the page");
    return out.toString();
  }

  /**
   * Writes the block a page quotes from a review document in the code block opened at line {@code
   * open}, with the result under it as {@code devq doc} writes it today (the block is found by its
   * text: its opening fence, query and closing fence); returns the index of the quote's last line.
   */
  private static int quote(
      List<String> lines, int open, String fence, String document, StringBuilder out) {
    String indent = lines.get(open).substring(0, lines.get(open).indexOf(fence.charAt(0)));
    List<String> shown = new ArrayList<>();
    int i = open;
    while (i + 1 < lines.size() && !closesFence(lines.get(i + 1).strip(), fence)) {
      i++;
      shown.add(lines.get(i).substring(Math.min(indent.length(), lines.get(i).length())));
    }
    assertTrue(!shown.isEmpty() && opensFence(shown.get(0)), "no block quoted at " + (open + 1));
    String inner = shown.get(0).substring(0, fenceLength(shown.get(0)));
    int close = 1;
    while (close < shown.size() && !closesFence(shown.get(close).strip(), inner)) {
      close++;
    }
    List<String> fresh = DocsCommand.freshDocument(document);
    int start =
        Collections.indexOfSubList(fresh, shown.subList(0, Math.min(close + 1, shown.size())));
    assertTrue(start >= 0, "the block quoted at line " + (open + 1) + " is not in " + document);
    int end = fresh.subList(start, fresh.size()).indexOf(END_OF_RESULT);
    assertTrue(end >= 0, "no result under the block quoted at line " + (open + 1));
    for (String q : fresh.subList(start, start + end + 1)) {
      out.append(q.isEmpty() ? "" : indent + q).append('\n');
    }
    return i;
  }

  /**
   * Whether a line opens a code block as CommonMark reads it: three or more backticks or tildes,
   * and after backticks an info string without one (a line of prose that starts with an inline code
   * span, such as {@code ```` ```devq ````}, opens nothing).
   */
  static boolean opensFence(String text) {
    int n = fenceLength(text);
    return n >= 3 && (text.charAt(0) == '~' || text.indexOf('`', n) < 0);
  }

  /**
   * Whether a line closes the block {@code fence} opened: as long a run of its character or more.
   */
  static boolean closesFence(String text, String fence) {
    int n = fenceLength(text);
    return n >= fence.length() && text.charAt(0) == fence.charAt(0) && text.substring(n).isBlank();
  }

  private static int fenceLength(String text) {
    if (text.isEmpty() || (text.charAt(0) != '`' && text.charAt(0) != '~')) {
      return 0;
    }
    int n = 0;
    while (n < text.length() && text.charAt(n) == text.charAt(0)) {
      n++;
    }
    return n;
  }

  /** The lines without the blank ones that end them. */
  private static List<String> trimmed(List<String> lines) {
    int end = lines.size();
    while (end > 0 && lines.get(end - 1).isBlank()) {
      end--;
    }
    return lines.subList(0, end);
  }
}
