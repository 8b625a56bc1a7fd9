import type { CommandContext } from '../context.js';
import { type RanMigration, ranLine } from './format.js';

/** What the runner tells `onEvent` (the shape of `@justscale/migrate`'s `RunnerEvent`). */
export type ProgressEvent =
  | {
      readonly kind: 'start';
      readonly direction: 'up' | 'down';
      readonly migrations: readonly string[];
      readonly nonTransactional: readonly string[];
      readonly transaction: 'each' | 'all';
    }
  | { readonly kind: 'committed'; readonly direction: 'up' | 'down'; readonly migration: RanMigration };

const verbOf = (direction: 'up' | 'down') => (direction === 'up' ? 'Applied' : 'Rolled back');

/**
 * Prints a live run as it goes: `Running N migrations…` once the lock is held and every module
 * loaded, then a ✓ line as each migration commits (so a failing batch still shows what committed).
 * When the run stops, `stopped` says what committed, what was rolled back and what never ran.
 */
export class Progress {
  readonly #ctx: CommandContext;
  #planned: readonly string[] = [];
  #outside: ReadonlySet<string> = new Set();
  #all = false;
  #direction: 'up' | 'down' = 'up';
  #width = 0;
  readonly committed: RanMigration[] = [];

  constructor(ctx: CommandContext) {
    this.#ctx = ctx;
  }

  /** The runner's `onEvent`. */
  readonly onEvent = (event: ProgressEvent): void => {
    const { out, err, json } = this.#ctx;
    if (event.kind === 'start') {
      this.#planned = event.migrations;
      this.#outside = new Set(event.nonTransactional);
      this.#all = event.transaction === 'all';
      this.#direction = event.direction;
      this.#width = Math.max(...event.migrations.map((name) => name.length));
      this.committed.length = 0;
      const n = event.migrations.length;
      const what = `${n} migration${n === 1 ? '' : 's'}`;
      if (!json)
        err.line(err.colors.dim(event.direction === 'up' ? `Running ${what}…` : `Rolling back ${what}…`));
      return;
    }
    this.committed.push(event.migration);
    if (!json) out.line(ranLine(out.colors, event.migration, this.#width, verbOf(event.direction)));
  };

  /**
   * After a run stopped on `error`: on stderr, what committed (and stays), the migration that was
   * running (rolled back, or possibly partly applied outside a transaction) and what never ran.
   */
  stopped(error: unknown): void {
    if (this.#ctx.json || this.#planned.length === 0) return;
    const { err } = this.#ctx;
    const c = err.colors;
    const done = new Set(this.committed.map((m) => m.name));
    const failed = (error as { migration?: unknown }).migration;
    const notRun = this.#planned.filter((name) => !done.has(name) && name !== failed);
    const verb = verbOf(this.#direction).toLowerCase();
    const parts: string[] = [];
    parts.push(
      this.committed.length === 0
        ? `Nothing was ${verb}.`
        : `${this.committed.length} ${plural(this.committed.length)} committed and stay${this.committed.length === 1 ? 's' : ''} ${verb}.`,
    );
    if (this.#all) {
      parts.push(`The batch ran in one transaction (--transaction all): all of it was rolled back.`);
    } else if (typeof failed === 'string') {
      parts.push(
        this.#outside.has(failed)
          ? `${failed} runs outside a transaction: its statement may have partly applied; check it by hand.`
          : this.#direction === 'down'
            ? `${failed}'s down was rolled back: it stays applied.`
            : `${failed} was rolled back: nothing of it is ${verb}.`,
      );
    }
    if (notRun.length > 0 && !this.#all) parts.push(`Not run: ${notRun.join(', ')}.`);
    err.line(c.yellow(parts.join(' ')));
  }
}

function plural(n: number): string {
  return n === 1 ? 'migration' : 'migrations';
}
