/**
 * A question asked on this process's terminal, or `undefined` when nobody can answer (standard input
 * or standard error is not a terminal). The terminal stays in its line mode, so Ctrl-C at the
 * question is a SIGINT like any other. `node:readline` loads only when a question is asked.
 *
 * @example
 * const ask = terminalQuestion();
 * if (ask !== undefined && /^y/i.test(await ask('Go on? [y/N] '))) console.log('going on');
 */
export function terminalQuestion():
  | ((question: string, signal?: AbortSignal) => Promise<string>)
  | undefined {
  if (process.stdin.isTTY !== true || process.stderr.isTTY !== true) return undefined;
  return async (question, signal) => {
    const { createInterface } = await import('node:readline/promises');
    const line = createInterface({ input: process.stdin, output: process.stderr, terminal: false });
    try {
      process.stderr.write(question);
      return await line.question('', signal === undefined ? {} : { signal });
    } finally {
      line.close();
    }
  };
}
