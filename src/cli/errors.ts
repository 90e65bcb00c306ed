/** A clear message for the person at the terminal; the CLI prints it without a stack trace (exit 1). */
export class CliError extends Error {
  readonly exitCode: number = 1;
}

/** The command line itself is wrong (an unknown template, state or option): exit 2, nothing written. */
export class UsageError extends CliError {
  override readonly exitCode = 2;
}
