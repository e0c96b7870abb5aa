package dev.devq.doc;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import dev.devq.lang.UserFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The YAML front matter of a review document ({@code ---} on the first line through the next {@code
 * ---} or {@code ...} line). Its {@code devq: {profiles: [dir, …]}} key names the profile overlays
 * the document needs, so plain {@code devq doc FILE.md} reproduces its results. Other keys belong
 * to other tools and are left alone; the folders obey the same confinement as a fence's {@code
 * file=} ({@link EmbeddedQueryFile#confined}).
 *
 * @param profiles the overlay folders, resolved against the document's folder, in order
 * @param diagnostics positioned problems; when any, the document must not run
 */
public record FrontMatter(List<Path> profiles, List<Diagnostic> diagnostics) {
  private static final YAMLFactory YAML = factory();

  /** Compact constructor: copies the lists. */
  public FrontMatter {
    profiles = List.copyOf(profiles);
    diagnostics = List.copyOf(diagnostics);
  }

  private static YAMLFactory factory() {
    var options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(10);
    // devq's keys nest three deep; the limit stops a hostile document early
    options.setNestingDepthLimit(20);
    return YAMLFactory.builder().loaderOptions(options).build();
  }

  /**
   * The front matter of the document at {@code path}; {@code root} is {@code --root} (null: the
   * document's folder). A document that cannot be read has no front matter here: running it reports
   * that.
   */
  public static FrontMatter read(Path path, Path root) {
    if (!path.toString().endsWith(".md")) {
      return new FrontMatter(List.of(), List.of()); // a query file has no front matter
    }
    String text;
    try {
      text = UserFile.text(path, UserFile.MAX_BYTES);
    } catch (UserFile.Refused e) {
      return new FrontMatter(List.of(), List.of());
    }
    if (text.startsWith(UserFile.BOM)) {
      text = text.substring(UserFile.BOM.length());
    }
    return parse(new SourceText(path.toString(), text), path.getParent(), root);
  }

  /**
   * The length of the front matter at the start of {@code text} through its closing line's break,
   * or 0 when the document has none.
   */
  static int length(String text) {
    if (!text.startsWith("---\n") && !text.startsWith("---\r\n")) {
      return 0;
    }
    int at = text.indexOf('\n') + 1;
    while (at < text.length()) {
      int eol = text.indexOf('\n', at);
      int end = eol < 0 ? text.length() : eol;
      String line = text.substring(at, end).stripTrailing();
      if (line.equals("---") || line.equals("...")) {
        return eol < 0 ? text.length() : eol + 1;
      }
      at = end + 1;
    }
    return 0; // never closed: a thematic break, not front matter
  }

  /**
   * The document with its front matter blanked (every character but line breaks made a space), so
   * the Markdown parser sees no fence in it while every offset and line stays where it was.
   */
  static String masked(String text) {
    int n = length(text);
    if (n == 0) {
      return text;
    }
    StringBuilder b = new StringBuilder(text);
    for (int i = 0; i < n; i++) {
      char c = b.charAt(i);
      if (c != '\n' && c != '\r') {
        b.setCharAt(i, ' ');
      }
    }
    return b.toString();
  }

  static FrontMatter parse(SourceText document, Path dir, Path root) {
    String text = document.text();
    int n = length(text);
    if (n == 0) {
      return new FrontMatter(List.of(), List.of());
    }
    int start = text.indexOf('\n') + 1;
    String yaml = text.substring(start, text.lastIndexOf('\n', n - 2) + 1);
    var reader = new Reader(document, start, dir, root);
    try (JsonParser p = YAML.createParser(yaml)) {
      reader.document(p);
    } catch (JsonProcessingException e) {
      reader.problem(
          e.getLocation(),
          "front matter is not valid YAML: "
              + e.getOriginalMessage().lines().findFirst().orElse(""));
    } catch (IOException e) {
      reader.problem(null, "front matter cannot be read: " + AtomicFile.reason(e));
    }
    return new FrontMatter(reader.profiles, reader.problems);
  }

  /** Walks the YAML tokens, keeping each position so every problem points into the document. */
  private static final class Reader {
    final SourceText document;
    final int start;
    final Path dir;
    final Path root;
    final List<Path> profiles = new ArrayList<>();
    final List<Diagnostic> problems = new ArrayList<>();

    Reader(SourceText document, int start, Path dir, Path root) {
      this.document = document;
      this.start = start;
      this.dir = dir;
      this.root = root;
    }

    void document(JsonParser p) throws IOException {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return; // empty or not a mapping: nothing of ours
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        boolean ours = p.currentName().equals("devq");
        JsonToken value = p.nextToken();
        if (!ours) {
          p.skipChildren();
        } else if (value != JsonToken.START_OBJECT) {
          problem(p.currentTokenLocation(), "'devq' in front matter must be a mapping");
          p.skipChildren();
        } else {
          devq(p);
        }
      }
    }

    private void devq(JsonParser p) throws IOException {
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        JsonLocation at = p.currentTokenLocation();
        JsonToken value = p.nextToken();
        if (!key.equals("profiles")) {
          p.skipChildren();
          problem(at, "unknown key 'devq." + key + "' in front matter (known: profiles)");
        } else if (value != JsonToken.START_ARRAY) {
          problem(p.currentTokenLocation(), "'devq.profiles' must be a list of folders");
          p.skipChildren();
        } else {
          while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
              problem(p.currentTokenLocation(), "a profile folder must be a path");
              p.skipChildren();
            } else if (p.getText().isBlank()) {
              // an empty path resolves to the document's folder, which a slip should not load
              problem(
                  p.currentTokenLocation(),
                  "a profile folder must be a path, not an empty string"
                      + " (write '.' for the document's own folder)");
            } else {
              folder(p.getText(), p.currentTokenLocation());
            }
          }
        }
      }
    }

    private void folder(String arg, JsonLocation at) {
      try {
        Path folder = EmbeddedQueryFile.confined(dir, root, arg);
        Optional<InputPath.Problem> unreadable =
            InputPath.problem(folder, arg, InputPath.Kind.FOLDER);
        if (unreadable.isPresent()) {
          throw new EmbeddedQueryFile.Refused(unreadable.get());
        }
        EmbeddedQueryFile.reallyInside(dir, root, folder);
        EmbeddedQueryFile.noLinkLeadsOut(dir, root, folder);
        profiles.add(folder);
      } catch (EmbeddedQueryFile.Refused e) {
        problem(at, e.problem("profile folder '" + arg + "'"));
      } catch (IOException e) {
        problem(at, InputPath.of(e, arg));
      }
    }

    void problem(JsonLocation at, String message) {
      problems.add(Diagnostic.error(DiagnosticCode.DOCUMENT, message, document, Span.at(at(at))));
    }

    void problem(JsonLocation at, InputPath.Problem problem) {
      problems.add(problem.at(document, Span.at(at(at))));
    }

    /** The offset in the document of a location in the front matter. */
    private int at(JsonLocation at) {
      int offset = start;
      if (at != null && at.getLineNr() > 0) {
        int line = document.line(start) - 1 + at.getLineNr();
        offset = lineOffset(line) + Math.max(0, at.getColumnNr() - 1);
      }
      return Math.min(offset, document.text().length());
    }

    /** The offset where 1-based document {@code line} starts. */
    private int lineOffset(int line) {
      String text = document.text();
      int at = 0;
      for (int l = 1; l < line && at >= 0; l++) {
        at = text.indexOf('\n', at);
        at = at < 0 ? -1 : at + 1;
      }
      return at < 0 ? text.length() : at;
    }
  }
}
