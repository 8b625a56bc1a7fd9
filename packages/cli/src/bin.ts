#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';
import { quickAnswer } from './help-text.js';

// Embedded PostgreSQL (PGlite) is a large WebAssembly module. Compiled eagerly, V8 compiles all of
// it up front and optimises it on background threads that the process then waits for (about half
// of a no-op run on the embedded default); compiled lazily, each function is compiled when first
// called and hot ones are still optimised. It changes nothing for a run against a server.
setFlagsFromString('--wasm-lazy-compilation');

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
  };
  process.exitCode = await (await import('./program.js')).run(args, io);
  process.removeListener('SIGINT', onSignal);
  process.removeListener('SIGTERM', onSignal);
}
