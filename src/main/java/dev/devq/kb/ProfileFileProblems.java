package dev.devq.kb;

import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import dev.devq.lang.UserFile;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;

/**
 * A profile file or folder that cannot be read or is not text. What the user can mend (not UTF-8,
 * no permission, a folder where a file belongs) is bad input ({@code PROFILE}, exit 2), said at the
 * place it stands; only a failure of the system itself (a disk error) is {@code IO}, exit 3.
 */
final class ProfileFileProblems {
  private ProfileFileProblems() {}

  /**
   * A file that is not UTF-8, at its first bad byte: the line shown with the byte as U+FFFD and a
   * caret under it, as a stray Latin-1 {@code é} in a long profile is otherwise hard to find.
   */
  static Diagnostic notText(String file, UserFile.Refused e) {
    Diagnostic d =
        e.place()
            .map(
                p ->
                    Diagnostic.error(
                        DiagnosticCode.PROFILE,
                        "file " + e.getMessage(),
                        new SourceText(file, p.text()),
                        new Span(p.offset(), p.offset() + 1)))
            .orElseGet(
                () ->
                    Diagnostic.error(
                        DiagnosticCode.PROFILE,
                        "file " + e.getMessage(),
                        new SourceText(file, ""),
                        Span.at(0)));
    return d.withLabel("not UTF-8").withNote("save the file as UTF-8 text");
  }

  /**
   * A file or folder the system would not read: no permission is the user's to mend (exit 2);
   * anything else is an I/O failure (exit 3), in the system's words. {@code what} names it:
   * "profile", "profile folder".
   */
  static Diagnostic unreadable(String file, IOException e, String what) {
    boolean denied = e instanceof AccessDeniedException;
    String why =
        e instanceof FileSystemException f && f.getReason() != null
            ? f.getReason()
            : e.getMessage();
    String reason = denied ? "permission denied" : why == null ? "the system gave no reason" : why;
    return Diagnostic.error(
            denied ? DiagnosticCode.PROFILE : DiagnosticCode.IO,
            "cannot read this " + what + ": " + reason,
            new SourceText(file, ""),
            Span.at(0))
        .withNote(denied ? "make it readable, or leave it out of --profiles" : "");
  }
}
