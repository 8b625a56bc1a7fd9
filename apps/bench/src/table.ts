/** One line of the results table. */
export interface Row {
  readonly section: string;
  readonly what: string;
  /** Timed samples (ms); empty for a figure that is not a time. */
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly queries?: number | undefined;
  /** Peak memory in bytes (RSS of a process, or heap in-process). */
  readonly memory?: number | undefined;
  readonly memoryKind?: 'rss' | 'heap' | undefined;
  /** `x1.23 of <baseline>`. */
  readonly ratio?: string | undefined;
  /** `goal met` / `GOAL NOT MET: ...`. */
  readonly goal?: string | undefined;
}

const pad = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - s.length));
const ms = (n: number): string => (n >= 100 ? n.toFixed(0) : n.toFixed(1));

/**
 * The results as one aligned text table.
 *
 * @example
 * console.log(formatTable(rows));
 */
export function formatTable(rows: readonly Row[]): string {
  const head = ['section', 'measure', 'median ms', 'min', 'max', 'queries', 'peak mem', 'ratio', 'goal'];
  const body = rows.map((r) => [
    r.section,
    r.what,
    ms(r.median),
    ms(r.min),
    ms(r.max),
    r.queries === undefined ? '' : String(r.queries),
    r.memory === undefined || r.memory === 0
      ? ''
      : `${(r.memory / 1024 / 1024).toFixed(0)} MB ${r.memoryKind ?? 'rss'}`,
    r.ratio ?? '',
    r.goal ?? '',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]?.length ?? 0)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => pad(c, widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
