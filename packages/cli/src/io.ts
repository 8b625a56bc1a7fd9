import pc from 'picocolors';
import type { Redactor } from './redact.js';

/** Somewhere to write text: `process.stdout`, or a buffer in tests. */
export interface Output {
  write(chunk: string): unknown;
  /** True when it is a terminal: colours are used only then. */
  readonly isTTY?: boolean | undefined;
}

/** What `run` talks to: the streams, the environment and the working directory. */
export interface CliIo {
  readonly stdout: Output;
  readonly stderr: Output;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Forces colours on or off; by default on for a TTY unless `NO_COLOR` is set. */
  readonly color?: boolean | undefined;
  /**
   * Aborted to interrupt the command (the binary aborts it on SIGINT / SIGTERM, with the signal's
   * name as reason): the running statement is cancelled, the current migration rolls back, the
   * locks are released, and the command ends with exit code 130 (SIGINT) or 143 (SIGTERM).
   */
  readonly signal?: AbortSignal | undefined;
  /**
   * Asks the user `question` on the terminal and resolves with the line typed (rejects when
   * `signal` aborts). Absent when nobody can answer (the input or the error stream is not a
   * terminal): a command that must ask then refuses instead.
   */
  readonly ask?: ((question: string, signal?: AbortSignal) => Promise<string>) | undefined;
}

export type Colors = ReturnType<typeof pc.createColors>;

/** Colours for `output`: never with `NO_COLOR` (any non-empty value), otherwise only on a TTY. */
export function colorsFor(io: CliIo, output: Output): Colors {
  const noColor = io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '';
  const enabled = io.color ?? (!noColor && output.isTTY === true);
  return pc.createColors(enabled);
}

/** A line-oriented writer that redacts secrets and colours only when allowed. */
export interface Printer {
  readonly colors: Colors;
  line(text?: string): void;
  write(text: string): void;
}

export function printer(io: CliIo, output: Output, redactor: Redactor): Printer {
  const colors = colorsFor(io, output);
  const write = (text: string) => {
    output.write(redactor.redact(text));
  };
  return { colors, write, line: (text = '') => write(`${text}\n`) };
}
