import type { Colors, Printer } from '../io.js';

/** What the runner reports per migration run or reverted. */
export interface RanMigration {
  readonly name: string;
  readonly batch: number;
  readonly durationMs: number;
}

/** What the runner reports per migration in `status()` and `pending()`. */
export interface MigrationRow {
  readonly name: string;
  readonly file: string | null;
  readonly applied: boolean;
  readonly batch: number | null;
  readonly appliedAt: Date | null;
  readonly problems: readonly string[];
}

/** A dry run's statements. */
export interface DryRunReport {
  readonly migrations: readonly {
    readonly name: string;
    readonly batch: number;
    readonly direction: 'up' | 'down';
  }[];
  readonly statements: readonly {
    readonly sql: string;
    readonly params: readonly unknown[];
    readonly migration: string | null;
  }[];
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/** `2026-11-26 01:05:10 UTC`. */
export function formatTime(date: Date | null): string {
  return date === null ? '' : `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** One migration's line: a mark, its name (padded to `width`), its batch and how long it took. */
export function ranLine(c: Colors, m: RanMigration, width: number, verb: 'Applied' | 'Rolled back'): string {
  const mark = verb === 'Applied' ? c.green('✓') : c.yellow('↩');
  return `${mark} ${m.name.padEnd(width)}  ${c.dim(`batch ${m.batch}`)}  ${c.dim(formatDuration(m.durationMs))}`;
}

/** `Applied 3 migrations (batch 2) in 41 ms.` */
export function ranSummary(ran: readonly RanMigration[], verb: 'Applied' | 'Rolled back'): string {
  const total = ran.reduce((sum, m) => sum + m.durationMs, 0);
  const batches = [...new Set(ran.map((m) => m.batch))];
  return `${verb} ${ran.length} migration${ran.length === 1 ? '' : 's'} (batch${batches.length === 1 ? '' : 'es'} ${batches.join(', ')}) in ${formatDuration(total)}.`;
}

/** One line per migration: a mark, its name, its batch and how long it took; then the total. */
export function printRan(out: Printer, ran: readonly RanMigration[], verb: 'Applied' | 'Rolled back'): void {
  const width = Math.max(...ran.map((m) => m.name.length));
  for (const m of ran) out.line(ranLine(out.colors, m, width, verb));
  out.line(ranSummary(ran, verb));
}

function problemText(c: Colors, problems: readonly string[]): string {
  return problems.length === 0 ? '' : c.red(problems.join(', '));
}

/** The status table: ✓ applied, ✗ pending, with batch, time applied and problems. */
export function printStatusTable(out: Printer, rows: readonly MigrationRow[]): void {
  const c = out.colors;
  if (rows.length === 0) {
    out.line('No migrations.');
    return;
  }
  const header = ['', 'Migration', 'Batch', 'Applied at', 'Problems'];
  const cells = rows.map((row) => [
    row.applied ? '✓' : '✗',
    row.name,
    row.batch === null ? '-' : String(row.batch),
    row.applied ? formatTime(row.appliedAt) : 'pending',
    row.problems.join(', '),
  ]);
  const showProblems = rows.some((row) => row.problems.length > 0);
  const columns = showProblems ? 5 : 4;
  const widths = header
    .slice(0, columns)
    .map((h, i) => Math.max(h.length, ...cells.map((r) => r[i]!.length)));
  const pad = (text: string, i: number) => (i === columns - 1 ? text : text.padEnd(widths[i]!));
  out.line(c.bold(header.slice(0, columns).map(pad).join('  ').trimEnd()));
  rows.forEach((row, n) => {
    const r = cells[n]!;
    const parts = r.slice(0, columns).map(pad);
    parts[0] = row.applied ? c.green(parts[0]!) : c.yellow(parts[0]!);
    if (!row.applied) parts[3] = c.yellow(parts[3]!);
    if (showProblems) parts[4] = problemText(c, row.problems);
    out.line(parts.join('  ').trimEnd());
  });
  const applied = rows.filter((row) => row.applied).length;
  out.line(c.dim(`${applied} applied, ${rows.length - applied} pending.`));
}

/** A dry run as a SQL script: what would run, migration by migration, and nothing ran. */
export function printDryRun(out: Printer, report: DryRunReport): void {
  const c = out.colors;
  let current: string | null | undefined;
  for (const statement of report.statements) {
    if (statement.migration !== current) {
      current = statement.migration;
      const step = report.migrations.find((m) => m.name === current);
      out.line(c.dim(current === null ? '-- (tracking)' : `-- ${current} (${step?.direction ?? 'up'})`));
    }
    const sql = statement.sql.trim();
    out.line(sql.endsWith(';') ? sql : `${sql};`);
    if (statement.params.length > 0) out.line(c.dim(`-- params: ${JSON.stringify(statement.params)}`));
  }
  const n = report.migrations.length;
  out.line(
    c.dim(
      `-- dry run: ${n} migration${n === 1 ? '' : 's'}, ${report.statements.length} statements; nothing was run.`,
    ),
  );
}
