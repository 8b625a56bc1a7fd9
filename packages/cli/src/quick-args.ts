/** An option as yargs is given it; the quick parser reads these fields. */
export interface QuickOption {
  readonly type?: 'string' | 'boolean';
  readonly array?: boolean;
  readonly choices?: readonly string[];
  readonly default?: unknown;
  readonly demandOption?: boolean;
}

const camel = (name: string): string => name.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());

/**
 * Parses `argv` as yargs parses a command given `options`, for the plain spellings only: the command's
 * words, then `--name value`, `--name=value`, `--flag` and `--no-flag`, each option once (array
 * options as often as wanted), every value a known choice, every required option there. Anything
 * else (a positional, a short flag, an unknown option, `--help`, a value that starts with `-`, a
 * repeated option, a missing one) gives undefined, and yargs parses it instead, with its own
 * messages. The result has the keys yargs gives a handler: `_`, `$0`, each option under its name
 * and in camel case, and the defaults.
 *
 * @example
 * quickArgs(['schema', 'diff', '--from', a, '--to', b], ['schema', 'diff'], { ...globalOptions, ...diffOptions });
 * // { _: ['schema', 'diff'], $0: 'justscale', from: a, to: b, format: 'sql' }
 */
export function quickArgs(
  argv: readonly string[],
  words: readonly string[],
  options: Readonly<Record<string, QuickOption>>,
): Record<string, unknown> | undefined {
  if (argv.length < words.length || words.some((word, i) => argv[i] !== word)) return undefined;
  const given = new Map<string, unknown>();
  for (let i = words.length; i < argv.length; i++) {
    const token = argv[i]!;
    if (!token.startsWith('--') || token.length === 2) return undefined;
    const eq = token.indexOf('=');
    let name = eq === -1 ? token.slice(2) : token.slice(2, eq);
    let option = options[name];
    if (eq === -1 && option === undefined && name.startsWith('no-')) {
      // `--no-wait`: a boolean's negation, as yargs reads it.
      name = name.slice(3);
      option = options[name];
      if (option?.type !== 'boolean' || given.has(name)) return undefined;
      given.set(name, false);
      continue;
    }
    if (option === undefined) return undefined;
    if (option.type === 'boolean') {
      if (eq !== -1 || given.has(name)) return undefined;
      given.set(name, true);
      continue;
    }
    const values: string[] = [];
    if (eq !== -1) values.push(token.slice(eq + 1));
    else {
      // yargs gives an array option every word up to the next flag; any other option one word.
      while (i + 1 < argv.length && !argv[i + 1]!.startsWith('-')) {
        values.push(argv[++i]!);
        if (option.array !== true) break;
      }
    }
    if (values.length === 0 || values.some((v) => v === '' || v.startsWith('-'))) return undefined;
    if (option.choices !== undefined && values.some((v) => !option.choices!.includes(v))) return undefined;
    if (option.array === true)
      given.set(name, [...((given.get(name) as string[] | undefined) ?? []), ...values]);
    else if (given.has(name)) return undefined;
    else given.set(name, values[0]);
  }
  const args: Record<string, unknown> = { _: [...words], $0: 'justscale' };
  for (const [name, option] of Object.entries(options)) {
    const value = given.has(name) ? given.get(name) : option.default;
    if (value === undefined) {
      if (option.demandOption === true) return undefined;
      continue;
    }
    args[name] = value;
    args[camel(name)] = value;
  }
  return args;
}
