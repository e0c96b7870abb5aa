package dev.devq.doc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.lang.Diagnostic;
import dev.devq.lang.SourceText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a review document's front matter: the forms, the errors and their positions. */
class FrontMatterTest {
  @TempDir Path dir;

  private FrontMatter parse(String text) throws IOException {
    Files.createDirectories(dir.resolve("a"));
    Files.createDirectories(dir.resolve("b"));
    return FrontMatter.parse(new SourceText("doc.md", text), dir, null);
  }

  private static String where(Diagnostic d) {
    return d.source().line(d.span().start()) + ":" + d.source().column(d.span().start());
  }

  @Test
  void blockAndFlowFormsNameFoldersInOrder() throws IOException {
    var block = parse("---\ndevq:\n  profiles:\n    - a\n    - b\n---\n# text\n");
    assertEquals(List.of(dir.resolve("a"), dir.resolve("b")), block.profiles());
    var flow = parse("---\r\ndevq: {profiles: [b, a]}\r\n...\r\n# text\r\n");
    assertEquals(List.of(dir.resolve("b"), dir.resolve("a")), flow.profiles());
    assertTrue(block.diagnostics().isEmpty() && flow.diagnostics().isEmpty());
  }

  @Test
  void noFrontMatterUnlessClosedOnTheFirstLine() throws IOException {
    assertEquals(0, FrontMatter.length("---\ndevq: {profiles: [a]}\n"));
    assertEquals(0, FrontMatter.length("\n---\ndevq: {profiles: [a]}\n---\n"));
    assertTrue(parse("---\ndevq: {profiles: [a]}\n").profiles().isEmpty());
    String text = "---\nx: 1\n---\nbody\n";
    assertEquals("---\nx: 1\n---\n".length(), FrontMatter.length(text));
    assertEquals("   \n    \n   \nbody\n", FrontMatter.masked(text));
  }

  @Test
  void otherToolsKeysAreLeftAlone() throws IOException {
    var fm = parse("---\ntitle: x\ntags: [devq, profiles]\nnested: {devq: 1}\n---\n");
    assertTrue(fm.profiles().isEmpty() && fm.diagnostics().isEmpty(), fm.toString());
  }

  /**
   * A profile folder inside the document's tree with a link below it that leads out (a file or a
   * folder) is refused before anything in it is read; a link that stays inside is fine.
   */
  @Test
  void aLinkBelowAProfileFolderMayNotLeadOut(@TempDir Path outside) throws IOException {
    Files.writeString(outside.resolve("secret.yaml"), "TOPSECRET: hunter2\n");
    Path models = Files.createDirectories(dir.resolve("a").resolve("models"));
    Files.writeString(Files.createDirectories(dir.resolve("b")).resolve("m.yaml"), "models: []\n");
    Files.createSymbolicLink(models.resolve("inside.yaml"), dir.resolve("b").resolve("m.yaml"));
    assertTrue(parse("---\ndevq: {profiles: [a]}\n---\n").diagnostics().isEmpty());

    Files.createSymbolicLink(models.resolve("os.yaml"), outside.resolve("secret.yaml"));
    var file = parse("---\ndevq: {profiles: [a]}\n---\n");
    assertTrue(file.profiles().isEmpty(), file.toString());
    assertTrue(
        file.diagnostics().get(0).message().contains("holds models/os.yaml, which leads outside"),
        file.diagnostics().toString());
    Files.delete(models.resolve("os.yaml"));

    Files.createSymbolicLink(dir.resolve("a").resolve("devices"), outside);
    var folder = parse("---\ndevq: {profiles: [a]}\n---\n").diagnostics();
    assertTrue(
        folder.get(0).message().contains("holds devices, which leads outside"), folder.toString());
    Files.delete(dir.resolve("a").resolve("devices"));

    // through a linked folder that stays inside, to a file outside; and the folder itself a link
    Path stash = Files.createDirectories(dir.resolve("stash"));
    Files.createSymbolicLink(stash.resolve("evil.yaml"), outside.resolve("secret.yaml"));
    Files.createSymbolicLink(dir.resolve("a").resolve("socs"), stash);
    var linked = parse("---\ndevq: {profiles: [a]}\n---\n").diagnostics();
    assertTrue(linked.get(0).message().contains("holds socs/evil.yaml"), linked.toString());
    Files.delete(dir.resolve("a").resolve("socs"));
    Files.createSymbolicLink(dir.resolve("alias"), dir.resolve("a"));
    Files.createSymbolicLink(models.resolve("evil.yaml"), outside.resolve("secret.yaml"));
    var alias = parse("---\ndevq: {profiles: [alias]}\n---\n").diagnostics();
    assertTrue(alias.get(0).message().contains("holds models/evil.yaml"), alias.toString());
  }

  @Test
  void aFolderThatCannotBeWalkedSaysWhyInPlainWords() throws IOException {
    Files.createDirectories(dir.resolve("a"));
    Files.createSymbolicLink(dir.resolve("a").resolve("loop"), dir.resolve("a"));
    var loop = parse("---\ndevq: {profiles: [a]}\n---\n").diagnostics();
    assertEquals(1, loop.size(), loop.toString());
    assertTrue(
        loop.get(0).message().endsWith("leads back to a folder above it (a loop)"),
        loop.toString());
    assertTrue(!loop.get(0).message().contains("Exception"), loop.toString());
  }

  @Test
  void badInputIsPositioned() throws IOException {
    assertEquals("2:7", where(parse("---\ndevq: [a]\n---\n").diagnostics().get(0)));
    assertEquals("2:8", where(parse("---\ndevq: {profile: [a]}\n---\n").diagnostics().get(0)));
    assertEquals("2:18", where(parse("---\ndevq: {profiles: a}\n---\n").diagnostics().get(0)));
    var items = parse("---\ndevq: {profiles: [a, {x: 1}, 3, ../..]}\n---\n").diagnostics();
    assertEquals(3, items.size(), items.toString());
    assertTrue(items.get(2).message().contains("outside the document's folder"), items.toString());
    var empty = parse("---\ndevq:\n  profiles: [a, \"\", ' ']\n---\n");
    assertEquals(List.of(dir.resolve("a")), empty.profiles());
    assertEquals(2, empty.diagnostics().size(), empty.toString());
    assertEquals("3:17", where(empty.diagnostics().get(0)));
    assertEquals("3:21", where(empty.diagnostics().get(1)));
    assertTrue(empty.diagnostics().get(0).message().contains("empty"), empty.toString());
    var yaml = parse("---\ndevq: {profiles: [a\n---\n").diagnostics();
    assertTrue(yaml.get(0).message().startsWith("front matter is not valid YAML"), yaml.toString());
  }
}
