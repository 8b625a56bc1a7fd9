/**
 * The runner's messages name its API options (`allowChangedChecksums: true`, `lock: 'wait'`), which
 * is right for a program calling it; on the command line the same advice names the flags. Each
 * entry is a phrase the runner writes and what `justscale` says instead.
 */
const phrases: readonly (readonly [api: string, flag: string])[] = [
  ['pass allowChangedChecksums: true', 'pass --allow-changed'],
  ['pass allowMissing: true', 'pass --allow-missing'],
  ['pass allowOutOfOrder: true', 'pass --allow-out-of-order'],
  ["or use lock: 'wait'", 'or drop --no-wait to wait for it'],
  ["transaction: 'all' runs the batch", '--transaction all runs the batch'],
  ["Run with transaction: 'each'", 'Run with --transaction each'],
  ["transaction: 'all': the whole batch", '--transaction all: the whole batch'],
  ['use fresh({ drop: true })', 'use justscale migrate fresh --drop'],
];

/**
 * `message` with the runner's API option names replaced by the CLI's flags.
 *
 * @example
 * withFlagNames('... or pass allowMissing: true to go on without them.');
 * // '... or pass --allow-missing to go on without them.'
 */
export function withFlagNames(message: string): string {
  let text = message;
  for (const [api, flag] of phrases) text = text.split(api).join(flag);
  return text;
}
