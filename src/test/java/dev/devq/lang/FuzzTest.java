package dev.devq.lang;

import static org.junit.jupiter.api.Assertions.fail;

import dev.devq.DevqAssertions;
import dev.devq.query.check.CheckResult;
import dev.devq.query.check.Checker;
import dev.devq.query.check.Type;
import dev.devq.query.eval.Engine;
import dev.devq.query.eval.Evaluator;
import dev.devq.query.eval.Value;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Drives 100,000 random and mutated inputs through parse, check and evaluate. A {@link
 * DevqException} is a proper answer to bad input; any other exception or error is a bug, and the
 * test lists the inputs that caused them. Seeded, so a failure reproduces.
 */
class FuzzTest {
  private static final int INPUTS = Integer.getInteger("fuzz.inputs", 100_000);
  private static final long SEED = 20240607L;
  private static final String[] SNIPPETS = {
    "(",
    ")",
    "[",
    "]",
    ",",
    ".",
    ":",
    ";",
    "?",
    "=",
    "==",
    "<",
    "<=",
    "+",
    "-",
    "*",
    "/",
    "%",
    "#",
    "\"",
    "\\",
    " in ",
    " where ",
    " by ",
    "all ",
    "any ",
    "not ",
    " and ",
    " or ",
    "let ",
    "check ",
    "search ",
    "argmax ",
    "min ",
    "ms",
    "GB/s",
    "TOPS",
    "µs",
    "fps",
    "1e308",
    "1e-400",
    "99999999999999999999999",
    "0",
    "-0",
    ".5",
    "1_000",
    "1__0",
    "_1",
    "1_",
    "google/",
    "_1.0_224",
    "Q4_K_M",
    "😀",
    "\uD800",
    "\u0000",
    "\r",
    "\t",
    "\n",
    "é",
    "日本",
    "a16",
    "iphone_12",
    "resnet50",
    "mobilenet_v2",
    "layer_norm",
    "socs",
    "devices",
    "models",
    "ops",
    "latency(",
    "memory(",
    "frame(",
    "budget(",
    "quantize(",
    "palettize(",
    "prune(",
    "after(",
    "battery(",
    "explain(",
    "info(",
    "supported(",
    "width = ",
    "resolution = ",
    "batch = ",
    "units = ",
    "start = cold",
    "throttled",
    "sustained",
    "cpu_only",
    ".ane",
    ".bandwidth",
    ".year",
    ".params",
    ".soc",
    ".top1",
    ".typical_device",
    "in MB",
  };

  @Test
  void randomAndMutatedInputsNeverCrash() {
    List<String> corpus = seeds();
    Engine engine = DevqAssertions.engine();
    List<String> crashes =
        FixedStack.run(
            () -> {
              var random = new Random(SEED);
              List<String> found = new ArrayList<>();
              for (int i = 0; i < INPUTS && found.size() < 10; i++) {
                String input =
                    random.nextInt(10) == 0
                        ? garbage(random)
                        : mutate(random, corpus.get(random.nextInt(corpus.size())));
                try {
                  runOne(engine, input);
                } catch (DevqException expected) {
                  // a diagnosed failure is a proper answer
                } catch (RuntimeException | StackOverflowError e) {
                  var trace = new StringWriter();
                  e.printStackTrace(new PrintWriter(trace));
                  found.add(
                      "input #"
                          + i
                          + ": "
                          + quote(input)
                          + "\n"
                          + trace.toString().lines().limit(12).reduce("", (a, b) -> a + b + "\n"));
                }
              }
              return found;
            });
    if (!crashes.isEmpty()) {
      fail(crashes.size() + " inputs crashed:\n" + String.join("\n", crashes));
    }
  }

  /**
   * Parse, check and evaluate, as the interpreter does, but evaluating only what checks and has no
   * hole (a hole evaluates once per target: too slow for a hundred thousand inputs).
   */
  private static void runOne(Engine engine, String text) {
    var source = new SourceText("fuzz", text);
    ParseResult<List<Stmt>> parsed = AstBuilder.parseQuery(source);
    if (!parsed.ok()) {
      DiagnosticRenderer.render(parsed.diagnostics());
      return;
    }
    Map<String, Type> types = new HashMap<>();
    Map<String, Value> values = new HashMap<>();
    for (Stmt stmt : parsed.value()) {
      Expr expr = stmt instanceof Stmt.Let let ? let.value() : ((Stmt.Eval) stmt).expr();
      AstPrinter.print(expr);
      CheckResult checked = Checker.check(engine.resolver(), source, types, expr, false);
      if (!checked.ok()) {
        DiagnosticRenderer.render(checked.diagnostics());
        continue;
      }
      if (checked.hasHole()) {
        continue;
      }
      Value v;
      try {
        v = new Evaluator(engine, source, values, null).eval(checked.expr());
      } catch (DevqException e) {
        DiagnosticRenderer.render(e.diagnostic());
        continue;
      }
      if (stmt instanceof Stmt.Let let) {
        types.put(let.name(), checked.expr().type());
        values.put(let.name(), v);
      }
    }
  }

  /**
   * Single statements of the golden corpus (and every eighth whole file, so that statement
   * boundaries and comments get mutated too) plus generated expressions. Small seeds keep each
   * input cheap: most run in well under a millisecond, and the slowest are those that ask the
   * search index for a suggestion. Cutting the count would cut coverage: distinct diagnostics
   * (code, label and message shape) still turn up until the last ten thousand inputs.
   */
  private static List<String> seeds() {
    List<String> out = new ArrayList<>();
    List<Path> files = LanguageGoldenTest.corpus().toList();
    for (int i = 0; i < files.size(); i++) {
      String text = read(files.get(i));
      if (i % 8 == 0) {
        out.add(text);
      }
      ParseResult<List<Stmt>> parsed = AstBuilder.parseQuery(new SourceText("seed", text));
      if (parsed.ok()) {
        parsed.value().forEach(s -> out.add(text.substring(s.span().start(), s.span().end())));
      }
    }
    out.addAll(AstPrinterTest.ExprGenerator.sample(SEED, 200));
    return out;
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String mutate(Random random, String text) {
    var s = new StringBuilder(text);
    int edits = 1 + random.nextInt(4);
    for (int k = 0; k < edits; k++) {
      int at = s.length() == 0 ? 0 : random.nextInt(s.length() + 1);
      switch (random.nextInt(7)) {
        case 0 -> s.delete(at, Math.min(s.length(), at + 1 + random.nextInt(6)));
        case 1 -> s.insert(at, SNIPPETS[random.nextInt(SNIPPETS.length)]);
        case 2 -> {
          if (s.length() > 1) {
            int other = random.nextInt(s.length());
            int from = Math.min(at, s.length() - 1);
            char c = s.charAt(from);
            s.setCharAt(from, s.charAt(other));
            s.setCharAt(other, c);
          }
        }
        case 3 -> s.insert(at, (char) random.nextInt(0x3000));
        case 4 -> {
          int depth = random.nextInt(400);
          String open = random.nextBoolean() ? "(" : "[";
          s.insert(Math.min(at, s.length()), open.repeat(depth));
          if (random.nextBoolean()) {
            s.append(open.equals("(") ? ")".repeat(depth) : "]".repeat(depth));
          }
        }
        case 5 -> s.insert(at, " " + hugeNumber(random) + " ");
        default -> {
          int from = random.nextInt(s.length() + 1);
          int to = Math.min(s.length(), from + random.nextInt(40));
          s.insert(at, s.substring(from, to));
        }
      }
    }
    return s.toString();
  }

  private static String hugeNumber(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> "9".repeat(1 + random.nextInt(400));
      case 1 -> "1e" + (random.nextBoolean() ? "-" : "") + random.nextInt(100_000);
      case 2 -> "0." + "0".repeat(random.nextInt(400)) + "1";
      default -> Long.toString(random.nextLong() & Long.MAX_VALUE);
    };
  }

  private static String garbage(Random random) {
    var s = new StringBuilder();
    int n = random.nextInt(40);
    for (int i = 0; i < n; i++) {
      s.append(
          random.nextBoolean()
              ? SNIPPETS[random.nextInt(SNIPPETS.length)]
              : String.valueOf((char) (32 + random.nextInt(95))));
    }
    return s.toString();
  }

  private static String quote(String s) {
    String shown = s.length() > 300 ? s.substring(0, 300) + "…" : s;
    return "\"" + shown.replace("\\", "\\\\").replace("\n", "\\n").replace("\"", "\\\"") + "\"";
  }
}
