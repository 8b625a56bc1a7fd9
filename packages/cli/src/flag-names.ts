import { apiSpelling, type OptionRef } from '@justscale/errors';

/** One API option (with the value a hint asks for) and how `justscale` says the same thing. */
export interface FlagName {
  /** The runner method the option belongs to, when it is not the runner's own (`fresh`). */
  readonly method?: string;
  readonly option: string;
  readonly value: string | number | boolean;
  /** What the CLI prints in its place. */
  readonly flag: string;
}

/**
 * The runner's hints name its API options (`allowChangedChecksums: true`, `lock: 'wait'`), as data
 * (`JustScaleError.option`); on the command line the same advice names the flags.
 */
export const flagNames: readonly FlagName[] = [
  { option: 'allowChangedChecksums', value: true, flag: '--allow-changed' },
  { option: 'allowMissing', value: true, flag: '--allow-missing' },
  { option: 'allowOutOfOrder', value: true, flag: '--allow-out-of-order' },
  { option: 'lock', value: 'wait', flag: 'without --no-wait' },
  { option: 'transaction', value: 'each', flag: '--transaction each' },
  { option: 'transaction', value: 'all', flag: '--transaction all' },
  { method: 'fresh', option: 'drop', value: true, flag: 'justscale migrate fresh --drop' },
];

/**
 * The CLI's flag for an API option, or undefined when the CLI has none.
 *
 * @example
 * flagOf({ name: 'allowMissing', value: true }); // '--allow-missing'
 */
export function flagOf(option: OptionRef): string | undefined {
  return flagNames.find(
    (f) => f.option === option.name && f.value === option.value && f.method === option.method,
  )?.flag;
}

/**
 * Spells an option in a hint as the CLI's flag (the API's spelling when the CLI has no flag for it).
 *
 * @example
 * error.hintFor(flagSpelling); // 'Restore the files; or pass --allow-missing to go on without them.'
 */
export function flagSpelling(option: OptionRef): string {
  return flagOf(option) ?? apiSpelling(option);
}
