package dev.devq.kb;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads one YAML document into a {@link YamlNode} tree, with limits that keep a hostile file from
 * exhausting memory: no anchors or aliases at all (profiles never need them, and an alias bomb is
 * made of them), bounded nesting and bounded size.
 */
public final class YamlReader {
  public static final int MAX_BYTES = 4 << 20;
  public static final int MAX_DEPTH = 40;

  private static final YAMLFactory FACTORY = buildFactory();

  private YamlReader() {}

  private static YAMLFactory buildFactory() {
    var options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(10);
    // The parser limits are a backstop at twice ours, so our own check (with a position) fires
    // first.
    options.setNestingDepthLimit(2 * MAX_DEPTH);
    options.setCodePointLimit(MAX_BYTES);
    var factory = YAMLFactory.builder().loaderOptions(options).build();
    factory.setStreamReadConstraints(
        StreamReadConstraints.builder()
            .maxNestingDepth(2 * MAX_DEPTH)
            .maxStringLength(1 << 20)
            .maxDocumentLength(MAX_BYTES)
            .build());
    return factory;
  }

  /** Parses a document; on failure the diagnostics say where and why. */
  public static Result read(SourceText source) {
    if (source.text().length() > MAX_BYTES) {
      return Result.failed(
          Diagnostic.error(
              DiagnosticCode.PROFILE,
              "file is larger than " + (MAX_BYTES >> 20) + " MB",
              source,
              Span.at(0)));
    }
    try (JsonParser parser = FACTORY.createParser(source.text())) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return Result.failed(
            Diagnostic.error(DiagnosticCode.PROFILE, "file is empty", source, Span.at(0)));
      }
      YamlNode root = node(parser, source, 0);
      if (parser.nextToken() != null) {
        int at = offset(parser.currentTokenLocation(), source);
        throw new Rejected(
            "a second YAML document: a profile file holds one",
            "remove the '---' and what follows, or move it to its own file",
            new Span(at, Math.min(source.text().length(), at + 1)));
      }
      return new Result(root, List.of());
    } catch (Rejected e) {
      return Result.failed(
          Diagnostic.error(DiagnosticCode.PROFILE, e.getMessage(), source, e.span)
              .withNote(e.note));
    } catch (IOException | RuntimeException e) {
      return Result.failed(fromException(source, e));
    }
  }

  private static YamlNode node(JsonParser parser, SourceText source, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      int at = offset(parser.currentTokenLocation(), source);
      throw new Rejected(
          "nesting deeper than "
              + MAX_DEPTH
              + " levels: profiles never need it, so the file is "
              + "rejected",
          "flatten the structure",
          new Span(at, Math.min(source.text().length(), at + 1)));
    }
    rejectAlias(parser, source);
    int start = offset(parser.currentTokenLocation(), source);
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        int keyStart = offset(parser.currentTokenLocation(), source);
        Span keySpan =
            new Span(keyStart, Math.min(source.text().length(), keyStart + key.length()));
        parser.nextToken();
        YamlNode value = node(parser, source, depth + 1);
        entries.put(key, new YamlNode.Entry(key, keySpan, value));
      }
      return new YamlNode.Mapping(source, new Span(start, end(parser, source, start)), entries);
    }
    if (token == JsonToken.START_ARRAY) {
      List<YamlNode> items = new ArrayList<>();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        items.add(node(parser, source, depth + 1));
      }
      return new YamlNode.Sequence(source, new Span(start, end(parser, source, start)), items);
    }
    String text = token == JsonToken.VALUE_NULL ? "" : parser.getText();
    boolean quoted =
        start < source.text().length()
            && (source.text().charAt(start) == '"' || source.text().charAt(start) == '\'');
    int length = text.length() + (quoted ? 2 : 0);
    Span span = new Span(start, Math.min(source.text().length(), start + Math.max(1, length)));
    return new YamlNode.Scalar(source, span, text, quoted);
  }

  private static void rejectAlias(JsonParser parser, SourceText source) throws IOException {
    if (!(parser instanceof YAMLParser yaml)) {
      return;
    }
    String refused = null;
    if (yaml.isCurrentAlias() || yaml.getObjectId() != null) {
      refused = "YAML anchors and aliases are not allowed in profiles";
    } else if (yaml.getTypeId() != null) {
      // a tag (!!binary, !custom) would change how a value reads; profiles are plain data
      refused = "YAML tags ('!" + yaml.getTypeId() + "') are not allowed in profiles";
    }
    if (refused != null) {
      int at = offset(parser.currentTokenLocation(), source);
      throw new Rejected(
          refused,
          "write the value out in full",
          new Span(at, Math.min(source.text().length(), at + 1)));
    }
  }

  private static int end(JsonParser parser, SourceText source, int start) {
    return Math.max(
        start, Math.min(source.text().length(), offset(parser.currentTokenLocation(), source)));
  }

  /**
   * The UTF-16 offset of a location: SnakeYAML counts its character offset and columns in code
   * points, and a lone {@code \r} as a line break, as {@link SourceText} does.
   */
  private static int offset(JsonLocation location, SourceText source) {
    long chars = location.getCharOffset();
    if (chars >= 0) {
      return source.offsetOfCodePoint((int) Math.min(chars, Integer.MAX_VALUE));
    }
    return source.offsetOfLineColumn(location.getLineNr(), location.getColumnNr());
  }

  private static Diagnostic fromException(SourceText source, Exception e) {
    if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked
        && marked.getProblemMark() != null
        && marked.getProblem() != null) {
      return fromScanner(source, marked);
    }
    int offset = 0;
    if (e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe
        && jpe.getLocation() != null) {
      offset = offset(jpe.getLocation(), source);
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    message = message.lines().findFirst().orElse(message).strip();
    if (message.contains("aliases")) {
      message = "too many YAML aliases (" + message + ")";
    }
    return Diagnostic.error(
        DiagnosticCode.PROFILE, "malformed YAML: " + lowerFirst(message), source, Span.at(offset));
  }

  /**
   * SnakeYAML's own words for what it found and where ({@code found character '\t(TAB)' …} at the
   * tab), rather than Jackson's first line, which names what the scanner was doing ({@code while
   * scanning for the next token}) at the place it began: the end of the line before a tab. Where
   * the file ends first (an unclosed quote or bracket), it points at what was left open.
   */
  private static Diagnostic fromScanner(
      SourceText source, org.yaml.snakeyaml.error.MarkedYAMLException e) {
    int at = source.offsetOfCodePoint(Math.max(0, e.getProblemMark().getIndex()));
    String problem = e.getProblem().strip();
    if (problem.contains("\\t(TAB)")) {
      return Diagnostic.error(
              DiagnosticCode.PROFILE,
              "malformed YAML: a tab cannot indent YAML",
              source,
              Span.at(at))
          .withLabel("a tab")
          .withNote("indent with spaces: YAML reads no tab as indentation");
    }
    int contentEnd = source.text().stripTrailing().length();
    var began = e.getContextMark();
    String context = e.getContext() == null ? "" : e.getContext().strip();
    int start = began == null ? -1 : source.offsetOfCodePoint(Math.max(0, began.getIndex()));
    if (at >= contentEnd && context.startsWith("while ") && start >= 0 && start < contentEnd) {
      // "while parsing a flow sequence": the file ended inside it, which began at start
      String open =
          context
              .replaceFirst("^while \\w+ (a |an )?", "")
              .replace("quoted scalar", "quoted string")
              .replace("flow sequence", "[ list")
              .replace("flow mapping", "{ mapping");
      return Diagnostic.error(
              DiagnosticCode.PROFILE,
              "malformed YAML: the file ends inside the " + open + " that begins here",
              source,
              Span.at(start))
          .withLabel("never closed")
          .withNote(lowerFirst(problem));
    }
    return Diagnostic.error(
        DiagnosticCode.PROFILE,
        "malformed YAML: " + lowerFirst(problem),
        source,
        Span.at(Math.min(at, contentEnd)));
  }

  private static String lowerFirst(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  /** A parsed document, or the reason it could not be parsed. */
  public record Result(YamlNode root, List<Diagnostic> diagnostics) {
    public Result {
      diagnostics = List.copyOf(diagnostics);
    }

    static Result failed(Diagnostic d) {
      return new Result(null, List.of(d));
    }

    public boolean ok() {
      return diagnostics.isEmpty();
    }
  }

  /** A document refused before it is read further (an alias, too deep a nesting), with where. */
  private static final class Rejected extends RuntimeException {
    final transient Span span;
    final String note;

    Rejected(String message, String note, Span span) {
      super(message, null, false, false);
      this.span = span;
      this.note = note;
    }
  }
}
