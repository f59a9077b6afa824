/** Where a command writes: results to `out` (stdout), diagnostics and progress to `err` (stderr). */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** Rewrites the current stderr line (progress bars); a no-op when stderr is not a terminal. */
  status(line: string): void;
  /** The most characters a {@link CliIo.status} line may have (the terminal's width less one), or `undefined` for no limit. */
  readonly statusWidth?: number | undefined;
  /** The command line as typed, for provenance. */
  readonly command: string;
}

/**
 * The process's own streams. Progress lines are redrawn in place on a terminal; with
 * `RESIDUAL_PROGRESS=lines` they are printed one per line (for logs and tests), otherwise dropped.
 *
 * @param command - the command line to record.
 * @returns an io writing to stdout/stderr, with a progress line only on a terminal.
 * @example
 * await main(argv, processIo('residual train …'));
 */
export function processIo(command: string): CliIo {
  const tty = process.stderr.isTTY === true;
  const lines = process.env['RESIDUAL_PROGRESS'] === 'lines';
  let statusShown = false;
  const clearStatus = () => {
    if (statusShown) process.stderr.write('\r\x1b[2K');
    statusShown = false;
  };
  return {
    command,
    get statusWidth() {
      return tty && !lines ? (process.stderr.columns ?? 80) - 1 : undefined;
    },
    out(line) {
      clearStatus();
      process.stdout.write(`${line}\n`);
    },
    err(line) {
      clearStatus();
      process.stderr.write(`${line}\n`);
    },
    status(line) {
      if (lines) {
        process.stderr.write(`${line}\n`);
        return;
      }
      if (!tty) return;
      // Commands fit their lines to statusWidth; cutting here is the last resort for a terminal narrower than any line.
      const width = (process.stderr.columns ?? 80) - 1;
      process.stderr.write(`\r\x1b[2K${line.slice(0, width)}`);
      statusShown = true;
    },
  };
}
