#!/usr/bin/env node
import { quickAnswer } from './help-text.js';

// The one place that touches the process: everything else takes its io as an argument.
const io = { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
const args = process.argv.slice(2);
// `--help` and `--version` print without importing the program (yargs is most of a cold start).
const answer = quickAnswer(args, io);
if (answer !== undefined) process.stdout.write(answer);
else process.exitCode = await (await import('./program.js')).run(args, io);
