package dev.devq.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Queries for the fuzz suite: a grammar-aware generator (expressions built from the language's
 * productions over real and hostile atoms) and a mutator of the golden query corpus (deletions,
 * inserted tokens, hostile numbers, truncation). Deterministic for a given {@link Random}.
 */
final class QueryGenerator {
  private static final Pattern TOKEN =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]*|[0-9.]+(e-?[0-9]+)?|\"[^\"]*\"|[^\\s\\w]");
  private static final Pattern NUMBER = Pattern.compile("\\b[0-9]+(\\.[0-9]+)?(e-?[0-9]+)?\\b");
  private static final List<String> NUMBERS =
      List.of(
          "0",
          "1",
          "-1",
          "0.5",
          "30",
          "1e9",
          "1e308",
          "1e-320",
          "2147483647",
          "9223372036854775807",
          "1e300",
          "-0",
          "1e-9");
  private static final List<String> UNITS =
      List.of(
          "", " ms", " s", " µs", " GB", " MB", " GB/s", " TOPS", " W", " Wh", " mAh", " fps", " h",
          "%", " J", " B", " GiB");
  private static final List<String> MODELS =
      List.of(
          "mobilenet_v2",
          "resnet50",
          "opt_1_3b",
          "bert_base",
          "distilbert_ane",
          "yolov8n",
          "whisper_tiny_encoder",
          "vit_b16",
          "no_such_model");
  private static final List<String> TARGETS =
      List.of("a16", "a17_pro", "m1", "m3_max", "iphone_14_pro", "ipad_8", "a11", "nosuch");
  private static final List<String> PARAMS =
      List.of("resolution", "width", "seq", "phase", "context", "tokens", "nosuch");
  private static final List<String> WORDS =
      List.of("prefill", "decode", "x", "throttled", "cold", "ane", "cpu_only", "\"text\"");
  private static final List<String> BINARY =
      List.of(" + ", " - ", " * ", " / ", " < ", " > ", " <= ", " == ", " != ", " and ", " or ");

  private final Random random;
  private final List<String> corpus;
  private final List<String> tokens = new ArrayList<>();

  QueryGenerator(Random random, List<String> corpus) {
    this.random = random;
    this.corpus = List.copyOf(corpus);
    for (String line : corpus) {
      Matcher m = TOKEN.matcher(line);
      while (m.find()) {
        tokens.add(m.group());
      }
    }
  }

  /** A query made from the grammar's productions. */
  String generate() {
    return switch (random.nextInt(6)) {
      case 0 -> expr(3);
      case 1 -> "let x = " + expr(2) + "\n" + expr(2).replaceFirst("a16", "x");
      case 2 -> "all t in " + pick(List.of("socs", "devices")) + ": " + estimate("t") + " > 0 ms";
      case 3 -> expr(2) + " in " + pick(UNITS).strip().replace("%", "ms");
      case 4 -> estimate(pick(TARGETS)) + pick(BINARY) + quantity();
      default -> pick(List.of("", "(", "((", "[")) + expr(2) + pick(List.of("", ")", "]", ","));
    };
  }

  /** A golden query with one to three mutations. */
  String mutate() {
    String q = pick(corpus);
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n && !q.isEmpty(); i++) {
      int at = random.nextInt(q.length() + 1);
      q =
          switch (random.nextInt(5)) {
            case 0 ->
                q.substring(0, at) + q.substring(Math.min(q.length(), at + 1 + random.nextInt(4)));
            case 1 -> q.substring(0, at) + " " + pick(tokens) + " " + q.substring(at);
            case 2 -> NUMBER.matcher(q).replaceFirst(Matcher.quoteReplacement(pick(NUMBERS)));
            case 3 -> q.substring(0, at);
            default ->
                q.substring(0, at)
                    + pick(List.of("(", ")", ",", "=", ".", ":", "'"))
                    + q.substring(at);
          };
    }
    return q;
  }

  private String expr(int depth) {
    if (depth == 0) {
      return atom();
    }
    return switch (random.nextInt(5)) {
      case 0 -> expr(depth - 1) + pick(BINARY) + expr(depth - 1);
      case 1 -> "(" + expr(depth - 1) + ")";
      case 2 -> estimate(pick(TARGETS));
      case 3 -> pick(List.of("-", "not ")) + expr(depth - 1);
      default -> atom();
    };
  }

  private String atom() {
    return switch (random.nextInt(5)) {
      case 0, 1 -> quantity();
      case 2 -> model() + pick(List.of("", ".macs", ".params", ".nosuch"));
      case 3 -> pick(TARGETS) + pick(List.of("", ".bandwidth", ".ram", ".year"));
      default -> pick(List.of("true", "false", pick(WORDS), "size(" + model() + ")"));
    };
  }

  private String quantity() {
    return pick(NUMBERS) + pick(UNITS);
  }

  private String model() {
    String m = pick(MODELS);
    if (random.nextBoolean()) {
      return m;
    }
    String value = random.nextBoolean() ? pick(NUMBERS) : pick(WORDS);
    return m + "(" + pick(PARAMS) + " = " + value + ")";
  }

  private String estimate(String target) {
    String fn = pick(List.of("latency", "fps", "energy", "memory", "load_time", "power"));
    String extra =
        random.nextInt(3) == 0
            ? ", " + pick(List.of("throttled", "units = cpu_only", "start = cold", "batch = 0"))
            : "";
    return fn + "(" + model() + ", " + target + extra + ")";
  }

  private String pick(List<String> from) {
    return from.get(random.nextInt(from.size()));
  }
}
