package dev.devq.cli;

/** The exit codes other tools rely on (DESIGN.md). */
final class ExitCodes {
  static final int OK = 0;
  static final int CHECK_FAILED = 1;
  static final int BAD_INPUT = 2;
  static final int INTERNAL = 3;

  private ExitCodes() {}
}
