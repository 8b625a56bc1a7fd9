import { performance } from 'node:perf_hooks';
import { stats } from './measure.js';

/** One side of a pair: a process run returning its peak RSS (bytes, 0 when unknown). */
export type Side = () => Promise<number>;

/** The figures of one side over every timed pair. */
export interface SideFigures {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /** Peak RSS over the timed runs (bytes). */
  readonly memory: number;
}

/** Both sides of a paired measure, with the median of the per-pair ratios (ours / theirs). */
export interface PairedFigures {
  readonly ours: SideFigures;
  readonly theirs: SideFigures;
  readonly ratio: number;
}

export interface PairedOptions {
  /** Timed pairs. */
  readonly runs: number;
  /** One untimed pair first (default true). */
  readonly warmup?: boolean;
  /** Run before each side's run, untimed (a reset of the database, say). */
  readonly setupOurs?: () => Promise<void>;
  readonly setupTheirs?: () => Promise<void>;
}

/**
 * Times `ours` and `theirs` in pairs, alternating which runs first, so that both meet the same
 * load: the ratio is the median of each pair's ratio, which a noisy, shared machine moves far less
 * than the ratio of two medians taken minutes apart.
 *
 * @example
 * const { ratio } = await paired({ runs: 5 }, () => ours(), () => pgDump());
 */
export async function paired(o: PairedOptions, ours: Side, theirs: Side): Promise<PairedFigures> {
  const a: { ms: number; memory: number }[] = [];
  const b: { ms: number; memory: number }[] = [];
  const timed = async (setup: (() => Promise<void>) | undefined, side: Side) => {
    if (setup) await setup();
    const start = performance.now();
    const memory = await side();
    return { ms: performance.now() - start, memory };
  };
  const first = (o.warmup ?? true) ? -1 : 0;
  for (let i = first; i < o.runs; i++) {
    let x: { ms: number; memory: number };
    let y: { ms: number; memory: number };
    if (i % 2 === 0) {
      x = await timed(o.setupOurs, ours);
      y = await timed(o.setupTheirs, theirs);
    } else {
      y = await timed(o.setupTheirs, theirs);
      x = await timed(o.setupOurs, ours);
    }
    if (i >= 0) {
      a.push(x);
      b.push(y);
    }
  }
  const side = (s: { ms: number; memory: number }[]): SideFigures => ({
    ...stats(s.map((r) => r.ms)),
    memory: Math.max(...s.map((r) => r.memory)),
  });
  return {
    ours: side(a),
    theirs: side(b),
    ratio: stats(a.map((r, i) => r.ms / (b[i]?.ms ?? Number.NaN))).median,
  };
}
