package dev.devq.cli;

import dev.devq.Outcome;
import dev.devq.XmlCharacters;
import dev.devq.doc.FileResult;
import dev.devq.lang.CharacterNames;
import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticRenderer;
import java.io.StringWriter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** JUnit XML for CI: one test suite per file, one test case per check, errors as test errors. */
final class JunitReport {
  private JunitReport() {}

  static String render(List<FileResult> results) {
    var out = new StringWriter();
    try {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      x.writeStartDocument("UTF-8", "1.0");
      x.writeCharacters("\n");
      x.writeStartElement("testsuites");
      x.writeAttribute("name", "devq");
      x.writeAttribute(
          "tests",
          Long.toString(
              results.stream().mapToLong(r -> r.checks() + r.diagnostics().size()).sum()));
      x.writeAttribute(
          "failures", Long.toString(results.stream().mapToLong(FileResult::failures).sum()));
      x.writeAttribute(
          "errors", Long.toString(results.stream().mapToLong(r -> r.diagnostics().size()).sum()));
      for (FileResult r : results) {
        suite(x, r);
      }
      x.writeCharacters("\n");
      x.writeEndElement();
      x.writeEndDocument();
      x.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("writing XML to a string cannot fail", e);
    }
    // a label or a file name may carry a control character the writer passes through
    return XmlCharacters.only(out + "\n");
  }

  private static void suite(XMLStreamWriter x, FileResult r) throws XMLStreamException {
    x.writeCharacters("\n  ");
    x.writeStartElement("testsuite");
    x.writeAttribute("name", shown(r.file()));
    x.writeAttribute("tests", Long.toString(r.checks() + r.diagnostics().size()));
    x.writeAttribute("failures", Long.toString(r.failures()));
    x.writeAttribute("errors", Integer.toString(r.diagnostics().size()));
    for (Outcome o : r.outcomes()) {
      if (!o.isCheck()) {
        continue;
      }
      x.writeCharacters("\n    ");
      x.writeStartElement("testcase");
      x.writeAttribute("name", shown(o.name()));
      x.writeAttribute("classname", shown(o.source().name()) + ":" + o.line());
      // file and line are what CI systems (GitLab, Jenkins, GitHub annotations) use to point at the
      // check.
      x.writeAttribute("file", shown(o.source().name()));
      x.writeAttribute("line", Integer.toString(o.line()));
      if (!o.passed()) {
        x.writeStartElement("failure");
        x.writeAttribute("message", o.hasMargin() ? o.margin() : "check failed");
        // JUnit reports carry every counterexample: CI artifacts are where people look for them
        x.writeCharacters(o.checkText(true, Integer.MAX_VALUE));
        x.writeEndElement();
      } else if (o.onlyAtEstimate() || !o.rangeNotes().isEmpty()) {
        // a passing check has no failure to carry the lines text gives it: CI shows system-out
        var lines = new java.util.ArrayList<String>();
        if (o.onlyAtEstimate()) {
          lines.add(o.margin(Integer.MAX_VALUE));
        }
        lines.addAll(o.rangeNotes());
        x.writeStartElement("system-out");
        x.writeCharacters(String.join("\n", lines));
        x.writeEndElement();
      }
      x.writeEndElement();
    }
    for (Diagnostic d : r.diagnostics()) {
      x.writeCharacters("\n    ");
      x.writeStartElement("testcase");
      x.writeAttribute("name", shown(d.position()));
      x.writeAttribute("classname", shown(d.source().name()));
      if (!d.source().name().equals(Loader.ARGUMENTS.name())) {
        // as a check's: CI points at the line of a query error or a fence's missing file=
        x.writeAttribute("file", shown(d.source().name()));
        x.writeAttribute("line", Integer.toString(d.source().line(d.span().start())));
      }
      x.writeStartElement("error");
      x.writeAttribute("message", d.message());
      x.writeCharacters(DiagnosticRenderer.render(d));
      x.writeEndElement();
      x.writeEndElement();
    }
    if (r.checksNothing()) {
      // an empty suite reads as a pass in CI: say that nothing in the file was checked
      x.writeCharacters("\n    ");
      x.writeStartElement("system-out");
      x.writeCharacters("no checks in " + shown(r.file()));
      x.writeEndElement();
    }
    x.writeCharacters("\n  ");
    x.writeEndElement();
  }

  /**
   * A file name or label as the text and Markdown reports show it ({@link CharacterNames#visible}):
   * XML reads a line break or tab in an attribute as a space (so a tab is ␉ here), and drops the
   * control characters it cannot hold, so {@code a\nb.devq} and {@code a b.devq} were one file to
   * CI; {@code a␊b.devq} is not.
   */
  private static String shown(String name) {
    return CharacterNames.visible(name).replace('\t', '\u2409');
  }
}
