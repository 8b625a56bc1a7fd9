#!/usr/bin/env node
import { run } from './program.js';

// The one place that touches the process: everything else takes its io as an argument.
process.exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
