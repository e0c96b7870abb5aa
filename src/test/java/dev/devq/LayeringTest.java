package dev.devq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Imports point up the package table of STYLE.md, and each library has one home: ANTLR in {@code
 * lang}, Lucene in {@code search}, picocli and JLine in {@code cli} (JLine's character widths in
 * {@code view} too), protobuf in {@code onnx}, JFreeChart and JFreeSVG in {@code plot.svg}; the
 * engine never prints.
 */
class LayeringTest {
  /** Package → its rank; a package may import only packages of lower or equal rank. */
  private static final Map<String, Integer> RANK =
      Map.ofEntries(
          Map.entry("dev.devq.lang", 1),
          Map.entry("dev.devq.lang.antlr", 1),
          Map.entry("dev.devq.lang.unit", 2),
          Map.entry("dev.devq.kb", 3),
          Map.entry("dev.devq.search", 4),
          Map.entry("dev.devq.model", 5),
          Map.entry("dev.devq.cost", 6),
          // reads ONNX, the kb's op catalog and builds descriptions with model; nothing below uses
          // it
          Map.entry("dev.devq.onnx", 6),
          Map.entry("dev.devq.onnx.proto", 6),
          Map.entry("dev.devq.query.check", 7),
          Map.entry("dev.devq.query.eval", 8),
          Map.entry("dev.devq.calibrate", 9),
          Map.entry("dev.devq.view", 10),
          // charts from the interpreter's values and estimates, beside the views; drawn by plot.svg
          // and reached by the front ends only through the facade (Devq.plot, Figure)
          Map.entry("dev.devq.plot", 10),
          Map.entry("dev.devq.plot.svg", 11),
          Map.entry("dev.devq", 12),
          Map.entry("dev.devq.doc", 13),
          Map.entry("dev.devq.cli", 14));

  /**
   * What the front ends ({@code cli}, {@code doc}) may use of devq: the facade package and its
   * result types, each other (doc before cli), and from the language's front end only source text,
   * diagnostics and the lexical helpers the REPL needs. Nothing of the engine below the facade.
   */
  private static final Set<String> FRONT_ENDS = Set.of("dev.devq.cli", "dev.devq.doc");

  private static final Set<String> FRONT_END_PACKAGES =
      Set.of("dev.devq", "dev.devq.doc", "dev.devq.cli");

  private static final Set<String> FRONT_END_LANG =
      Set.of(
          "SourceText",
          "UserFile",
          "AtomicReplace",
          "PathFence",
          "Span",
          "Diagnostic",
          "DiagnosticCode",
          "DiagnosticRenderer",
          "Severity",
          "Suggestions",
          "Tokens",
          "Completeness",
          "CharacterNames");

  /** A use of a devq type by import or by qualified name: its package and its simple name. */
  private static final Pattern DEVQ_TYPE =
      Pattern.compile("(?<![\\w.])(dev\\.devq(?:\\.[a-z0-9_]+)*)\\.([A-Z]\\w*)");

  private static final Pattern IMPORT =
      Pattern.compile("^import (?:static )?([a-z0-9_.]+)\\.[A-Z]", Pattern.MULTILINE);

  /**
   * A use by fully qualified name ({@code dev.devq.query.eval.Value v}, {@code new
   * org.apache.lucene.X()}) in code rather than in an import; comments are cut first so Javadoc
   * links to other layers stay allowed.
   */
  private static final Pattern QUALIFIED =
      Pattern.compile(
          "(?<![\\w.])((?:dev\\.devq|org\\.antlr|org\\.apache\\.lucene|picocli|org\\.jline|org\\.commonmark|com\\.google\\.protobuf|org\\.jfree)(?:\\.[a-z0-9_]+)*)\\.[A-Z]");

  @Test
  void importsPointUpTheTable() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path file : sources()) {
      String pkg = packageOf(file);
      String text = Files.readString(file);
      List<String> used = new ArrayList<>();
      Matcher m = IMPORT.matcher(text);
      while (m.find()) {
        used.add(m.group(1));
      }
      Matcher q = QUALIFIED.matcher(withoutCommentsAndImports(text));
      while (q.find()) {
        used.add(q.group(1));
      }
      for (String imported : used) {
        if (RANK.containsKey(imported)
            && RANK.get(imported) > RANK.get(pkg)
            && !(pkg.equals("dev.devq.lang.unit") && imported.equals("dev.devq.lang"))) {
          problems.add(file + " (" + pkg + ") imports " + imported);
        }
        library(problems, file, pkg, imported, "org.antlr", "dev.devq.lang");
        library(problems, file, pkg, imported, "dev.devq.lang.antlr", "dev.devq.lang");
        library(problems, file, pkg, imported, "org.apache.lucene", "dev.devq.search");
        library(problems, file, pkg, imported, "picocli", "dev.devq.cli");
        // the views pad text tables by terminal columns, which JLine's WCWidth counts
        if (!(pkg.equals("dev.devq.view") && imported.equals("org.jline.utils"))) {
          library(problems, file, pkg, imported, "org.jline", "dev.devq.cli");
        }
        library(problems, file, pkg, imported, "org.commonmark", "dev.devq.doc");
        library(problems, file, pkg, imported, "com.google.protobuf", "dev.devq.onnx");
        library(problems, file, pkg, imported, "dev.devq.onnx.proto", "dev.devq.onnx");
        library(problems, file, pkg, imported, "org.jfree", "dev.devq.plot.svg");
      }
      if (FRONT_ENDS.contains(pkg)) {
        frontEnd(problems, file, text);
      }
      if (RANK.get(pkg) <= RANK.get("dev.devq")
          && (text.contains("System.out")
              || text.contains("System.err")
              || text.contains("System.exit"))) {
        problems.add(file + " prints or exits, but the engine never does");
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @Test
  void fullyQualifiedUsesCountAsImports() {
    String code =
        "package dev.devq.kb;\nimport java.util.List;\n/** {@link dev.devq.cli.Main} */\n"
            + "class X { dev.devq.query.eval.Value v; String s = \"dev.devq.doc.Doc\"; }";
    Matcher q = QUALIFIED.matcher(withoutCommentsAndImports(code));
    List<String> found = new ArrayList<>();
    while (q.find()) {
      found.add(q.group(1));
    }
    assertEquals(List.of("dev.devq.query.eval"), found);
  }

  @Test
  void frontEndsUseOnlyTheFacade() {
    List<String> problems = new ArrayList<>();
    Path file = Path.of("X.java");
    frontEnd(
        problems,
        file,
        "package dev.devq.cli;\nimport dev.devq.Devq;\nimport dev.devq.lang.SourceText;\n"
            + "import dev.devq.lang.unit.Quantity;\nimport dev.devq.lang.Expr;\n"
            + "class X { dev.devq.query.eval.Value v; dev.devq.Outcome o; }");
    assertEquals(
        List.of(
            "X.java uses dev.devq.lang.unit.Quantity below the facade",
            "X.java uses dev.devq.lang.Expr below the facade",
            "X.java uses dev.devq.query.eval.Value below the facade"),
        problems);
  }

  /**
   * {@code cli} and {@code doc} reach the engine only through {@code Devq} and its result types: by
   * import or by fully qualified name.
   */
  private static void frontEnd(List<String> problems, Path file, String text) {
    String code = text.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", " ");
    Matcher m = DEVQ_TYPE.matcher(code);
    while (m.find()) {
      String pkg = m.group(1);
      String type = m.group(2);
      boolean allowed =
          FRONT_END_PACKAGES.contains(pkg)
              || (pkg.equals("dev.devq.lang") && FRONT_END_LANG.contains(type));
      if (!allowed) {
        problems.add(file + " uses " + pkg + "." + type + " below the facade");
      }
    }
  }

  private static void library(
      List<String> problems, Path file, String pkg, String imported, String library, String home) {
    if (imported.startsWith(library) && !pkg.equals(home)) {
      problems.add(file + " imports " + imported + " outside " + home);
    }
  }

  /** The code of a file without its comments, string literals, package and import lines. */
  static String withoutCommentsAndImports(String text) {
    return text.replaceAll("(?s)/\\*.*?\\*/", " ")
        .replaceAll("//[^\\n]*", " ")
        .replaceAll("\"(?:[^\"\\\\\\n]|\\\\.)*\"", "\"\"")
        .replaceAll("(?m)^(?:package|import) [^;]*;", " ");
  }

  private static List<Path> sources() throws IOException {
    try (Stream<Path> walk = Files.walk(DevqAssertions.projectDir().resolve("src/main/java"))) {
      return walk.filter(p -> p.toString().endsWith(".java")).toList();
    }
  }

  private static String packageOf(Path file) throws IOException {
    Matcher m =
        Pattern.compile("^package ([a-z0-9_.]+);", Pattern.MULTILINE)
            .matcher(Files.readString(file));
    if (!m.find()) {
      throw new AssertionError(file + " has no package");
    }
    return m.group(1);
  }
}
