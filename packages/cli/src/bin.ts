#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';
import { terminalQuestion } from './ask.js';
import { quickAnswer } from './help-text.js';

// Embedded PostgreSQL (PGlite) is a large WebAssembly module. By default V8 compiles it with its
// baseline compiler (Liftoff) and re-compiles hot functions with its optimising one (TurboFan) on
// background threads; a short command pays for that work without living long enough to profit
// from it: the main thread waits on the compiler's locks mid-query, and again at exit, where Node
// drains the background jobs (measured on a no-op `migrate`: the advisory lock query took 80-90 ms
// instead of 3, and the process lingered 100-150 ms after its last line). So functions are compiled
// lazily, when first called, and by Liftoff only: a no-op run takes about half the time and 100 MB
// less memory, and a long one (200 migrations applied, `migrate test` of 50) is as fast or faster
// (apps/bench/README.md). It changes nothing for a run against a server.
setFlagsFromString('--wasm-lazy-compilation');
setFlagsFromString('--liftoff-only');

// A reader that went away (`justscale schema diff | head`) ends the output, not the command: the rest
// is dropped, and a run of migrations is not cut short by a closed pipe.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
});

const args = process.argv.slice(2);
// `--help` and `--version` print without importing the program (yargs is most of a cold start).
const answer = quickAnswer(args, {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
if (answer !== undefined) process.stdout.write(answer);
else {
  // The first SIGINT / SIGTERM interrupts the command: the running statement is cancelled, the
  // current migration rolls back, locks are released and what committed is reported (exit 130 /
  // 143). A second one exits at once.
  const interrupt = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    const code = signal === 'SIGTERM' ? 143 : 130;
    if (interrupt.signal.aborted) {
      process.stderr.write(`\n${signal} again: exiting now; the server rolls back what was not committed.\n`);
      process.exit(code);
    }
    process.stderr.write(
      `\n${signal}: cancelling the running statement and rolling back the current migration (${signal === 'SIGINT' ? 'Ctrl-C' : 'SIGTERM'} again exits at once)…\n`,
    );
    interrupt.abort(signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const io = {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    signal: interrupt.signal,
    // A question (`migrate fresh`'s) is asked only where somebody can answer it.
    ask: terminalQuestion(),
  };
  process.exitCode = await (await import('./program.js')).run(args, io);
  process.removeListener('SIGINT', onSignal);
  process.removeListener('SIGTERM', onSignal);
}
