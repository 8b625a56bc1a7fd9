import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type DiffOptions,
  diff,
  downPlan,
  type Plan,
  type PlannedStatement,
  planScript,
  type RenameHint,
} from '@justscale/diff';
import type { Driver } from '@justscale/driver';
import { introspect } from '@justscale/introspect';
import { columnsByName, type Snapshot, snapshotsEqual, stableStringify } from '@justscale/schema';
import { createTestDatabase, type TestDatabase } from '@justscale/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inheritanceDeclared } from '../../../diff/test/support/inheritance.js';
import type { MigrationDefinition } from '../../src/define-migration.js';
import { jitiLoader } from '../../src/files/default-io.js';
import { recordingDatabase } from '../../src/generate/recording.js';
import { stagedParts, writeMigrationSources } from '../../src/generate/write-source.js';
import { createMigrationRunner } from '../../src/runner/create-runner.js';

/**
 * Generated migration files over the differ's acceptance corpus (packages/diff/test/cases), in
 * normal mode and, where the case runs online, as `migrate make --online` splits them:
 *
 * 1. Exactness, with no database: each file is loaded the way the runner loads it and its `up` and
 *    `down` run against a recording Database; the statements they compile to are the plan's (split:
 *    the plan's stages', `stagedParts`), statement by statement (and `down`'s are the differ's plan
 *    back). So every `db.createTable`, `db.alterTable`, `db.addForeignKey`, ... the writer chose
 *    compiles to exactly what was planned.
 * 2. The files run for real through the runner: migrate gives `to`, a second diff is empty,
 *    rollback gives `from`, migrate again gives `to` (normal mode: on a sample of the cases, see
 *    `runThrough`). Online, on every case: the files one batch each, rolled back one at a time, each
 *    `down` giving exactly the schema before its file (`splitRoundTrip`), as `migrate test` runs them.
 */
interface Expected {
  readonly online: boolean | 'both';
  readonly renames?: readonly RenameHint[];
  readonly error?: string;
  readonly empty?: boolean;
  readonly privileges?: boolean;
}

const root = join(import.meta.dirname, '../../../diff/test/cases');
const corpus = readdirSync(root).sort();
// What each part costs decides where it runs. Part 1 (the files say exactly what the plan says) runs
// on every case on the server. Part 2 (the files through the runner: up, down, up) runs on every
// third case there: with part 1 on every case, and the differ's acceptance test running every plan
// up, down and up on both majors, the files' round trip follows; part 2 is the end-to-end sample.
// On PGlite, where every catalog read costs several times more, both parts run on every fourth case
// (others than the server's sample, so the two majors see different files run). The online split
// runs through on every case of each target: per-file downs are the differ's plans over schemas
// `stagePlan` builds, which only running them proves.
const onPglite = process.env.JUSTSCALE_TEST_TARGET === 'pglite';
// The online-* cases (the stages of `make --online`) run on both targets.
const cases = onPglite ? corpus.filter((n, i) => i % 4 === 1 || n.startsWith('online-')) : corpus;
const runThrough = new Set(onPglite ? cases : corpus.filter((_, i) => i % 3 === 0));

// The files are written as .mjs (their text is the .ts file's: generated files use no TypeScript
// syntax once they import defineMigration), so the runner imports them natively and they share one
// module graph; `.ts` files through jiti are covered by the CLI's tests of `migrate make`.
const entry = '@justscale/migrate';
const scratch = join(import.meta.dirname, '../../.justscale');

let db: TestDatabase;
let version: number;
const loader = jitiLoader();
beforeAll(async () => {
  db = await createTestDatabase({ extensions: ['citext'] });
  version = (await db.driver.serverVersion()).num;
  await mkdir(scratch, { recursive: true });
});
afterAll(async () => {
  await db?.close();
});

const SYSTEM = "nspname !~ '^pg_' AND nspname <> 'information_schema'";

async function reset(driver: Driver): Promise<void> {
  const { rows } = await driver.query<{ nspname: string }>(
    `SELECT nspname::text FROM pg_catalog.pg_namespace WHERE ${SYSTEM}`,
  );
  const drops = rows.map((r) => `DROP SCHEMA "${r.nspname.replaceAll('"', '""')}" CASCADE;`).join('\n');
  await driver.exec(`${drops}\nCREATE SCHEMA public;`);
}

async function build(sql: string, privileges: boolean): Promise<Snapshot> {
  await reset(db.driver);
  await db.driver.exec(sql);
  return introspect(db.driver, { privileges });
}

async function record(migration: MigrationDefinition, direction: 'up' | 'down'): Promise<string[]> {
  const { db: recording, statements } = recordingDatabase(version);
  await migration[direction]!.call(migration, { db: recording } as never);
  return statements.map((s) => s.sql);
}

/** A plan's statements as a file prints them: its timeouts as SET / RESET lines where they change. */
const script = (statements: readonly PlannedStatement[]): string[] =>
  planScript(statements).map((s) => s.sql);

/** Compared as the acceptance test compares the way back: columns by name, inherited as declared. */
const wayBack = (s: Snapshot): Snapshot => columnsByName(inheritanceDeclared(s));

function same(label: string, actual: Snapshot, expected: Snapshot): void {
  if (snapshotsEqual(wayBack(actual), wayBack(expected))) return;
  const diffs = Object.keys(expected)
    .filter(
      (k) =>
        stableStringify(columnsByName(actual)[k as keyof Snapshot]) !==
        stableStringify(columnsByName(expected)[k as keyof Snapshot]),
    )
    .map(
      (k) =>
        `${k}:\n  actual:   ${stableStringify(actual[k as keyof Snapshot])}\n  expected: ${stableStringify(expected[k as keyof Snapshot])}`,
    );
  throw new Error(`${label}\n${diffs.join('\n')}`);
}

/**
 * The files of a split (`--online`) migration, each its own batch, as `migrate test` runs them: up
 * one at a time (recording the schema before each), then rolled back one at a time, each `down`
 * required to give exactly the schema before its file; then up again, which gives `to` with an
 * empty second diff. Every case whose online plan splits runs this, on both targets.
 */
async function splitRoundTrip(
  label: string,
  parts: readonly { name: string; source: string }[],
  files: string,
  fromSql: string,
  from: Snapshot,
  to: Snapshot,
  options: DiffOptions,
  privileges: boolean,
  sources: string,
): Promise<void> {
  const runDir = await mkdtemp(join(scratch, 'split-'));
  try {
    await reset(db.driver);
    await db.driver.exec(fromSql);
    const runner = createMigrationRunner(db.driver, { directory: runDir });
    const schemas: Snapshot[] = [];
    for (const part of parts) {
      schemas.push(await introspect(db.driver, { privileges }));
      const path = `20250101000000_${part.name}.mjs`;
      await writeFile(join(runDir, path), await readFile(join(files, path), 'utf8'));
      await runner.migrate().catch((error: unknown) => {
        throw new Error(`${label}: up of ${part.name} failed: ${(error as Error).message}\n${sources}`, {
          cause: error,
        });
      });
    }
    const migrated = await introspect(db.driver, { privileges });
    same(`${label}: up does not give to.sql\n${sources}`, migrated, to);
    expect(
      diff(migrated, to, options).statements.map((s) => s.sql),
      `${label}: second diff`,
    ).toEqual([]);
    if (sources.includes('cannot be reversed')) {
      // Only where the differ has no way back over the whole change either, or where the plan
      // attaches a partition's index (PostgreSQL cannot detach one: see docs/safety.md).
      const attaches = diff(from, to, options).operations.some(
        (op) => op.kind === 'attachIndex' || op.kind === 'detachPartition',
      );
      if (!attaches)
        expect(() => downPlan(from, to, options), `${label}: a split down throws\n${sources}`).toThrow();
      return;
    }
    for (let i = parts.length - 1; i >= 0; i--) {
      await runner.rollback().catch((error: unknown) => {
        throw new Error(
          `${label}: down of ${parts[i]!.name} failed: ${(error as Error).message}\n${sources}`,
          {
            cause: error,
          },
        );
      });
      same(
        `${label}: down of ${parts[i]!.name} does not give the schema before it\n${parts[i]!.source}`,
        await introspect(db.driver, { privileges }),
        schemas[i]!,
      );
    }
    same(`${label}: down does not give from.sql`, await introspect(db.driver, { privileges }), from);
    await runner.migrate();
    same(`${label}: up again does not give to.sql`, await introspect(db.driver, { privileges }), to);
    expect(
      diff(await introspect(db.driver, { privileges }), to, options).statements.map((s) => s.sql),
      `${label}: second diff after up again`,
    ).toEqual([]);
  } finally {
    await rm(runDir, { recursive: true, force: true });
  }
}

describe('generated migrations over the acceptance corpus', () => {
  it('has the corpus', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(80);
  });

  it.each(cases)('%s', { timeout: 120_000 }, async (name) => {
    const dir = join(root, name);
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
    if (expected.error !== undefined || expected.empty === true) return;
    const fromSql = readFileSync(join(dir, 'from.sql'), 'utf8');
    const toSql = readFileSync(join(dir, 'to.sql'), 'utf8');
    if (!existsSync(join(dir, 'to.sql'))) return;
    const privileges = expected.privileges === true;
    const to = await build(toSql, privileges);
    const modes = expected.online === 'both' ? [false, true] : [expected.online];
    for (const online of modes) {
      const label = `${name} (${online ? 'online, split' : 'normal'})`;
      const from = await build(fromSql, privileges);
      const options: DiffOptions = { online, serverVersion: version, renames: expected.renames ?? [] };
      const plan = diff(from, to, options);
      const written = await writeMigrationSources(plan, {
        name: 'm',
        before: from,
        after: to,
        diffOptions: { online, renames: expected.renames ?? [] },
        serverVersion: version,
        importFrom: entry,
        split: online,
      });
      const files = await mkdtemp(join(scratch, 'corpus-'));
      try {
        const loaded: MigrationDefinition[] = [];
        for (const part of written.parts) {
          const path = join(files, `20250101000000_${part.name}.mjs`);
          await writeFile(path, part.source);
          loaded.push(((await loader.import(path)) as { default: MigrationDefinition }).default);
        }
        const sources = written.parts.map((p) => p.source).join('\n');

        // 1. Each file's calls compile to exactly the planned statements, in order.
        const up: string[] = [];
        for (const m of loaded) up.push(...(await record(m, 'up')));
        if (online) {
          // Split: the plan in its stages (`stagedParts`). Each file sets the timeouts of its own
          // statements and resets them at its end.
          const parts =
            written.parts.length > 1 ? stagedParts(plan, from, to, options).map((p) => p.plan) : [plan];
          expect(up, `${label}: up\n${sources}`).toEqual(parts.flatMap((p) => script(p.statements)));
          for (const [i, part] of written.parts.entries()) {
            const outside = /^ {2}transaction: (?:false|\{ up: false)/m.test(part.source);
            const own = parts[i]?.statements ?? [];
            expect(await record(loaded[i]!, 'up'), `${label}: ${part.name}\n${part.source}`).toEqual(
              script(own),
            );
            // A part outside a transaction holds one statement that needs it (and its USING INDEX).
            if (outside && written.parts.length > 1)
              expect(own.length, `${label}: ${part.name}\n${part.source}`).toBeLessThanOrEqual(2);
          }
        } else {
          expect(up, `${label}: up\n${sources}`).toEqual(script(plan.statements));
          let back: Plan | null = null;
          try {
            back = downPlan(from, to, options);
          } catch {
            // down throws, naming why: checked below by running it
          }
          if (back !== null) {
            expect(await record(loaded[0]!, 'down'), `${label}: down\n${sources}`).toEqual(
              script(back.statements),
            );
          }
        }

        // 2. Up, down, up through the runner on the real database.
        if (online) {
          await splitRoundTrip(label, written.parts, files, fromSql, from, to, options, privileges, sources);
          continue;
        }
        if (!runThrough.has(name)) continue;
        await reset(db.driver);
        await db.driver.exec(fromSql);
        const runner = createMigrationRunner(db.driver, { directory: files });
        await runner.migrate().catch((error: unknown) => {
          throw new Error(`${label}: up failed: ${(error as Error).message}\n${sources}`, { cause: error });
        });
        const migrated = await introspect(db.driver, { privileges });
        same(`${label}: up does not give to.sql\n${sources}`, migrated, to);
        expect(
          diff(migrated, to, options).statements.map((s) => s.sql),
          `${label}: second diff`,
        ).toEqual([]);
        const downThrows = sources.includes('cannot be reversed');
        if (downThrows) continue;
        await runner.rollback().catch((error: unknown) => {
          throw new Error(`${label}: down failed: ${(error as Error).message}\n${sources}`, { cause: error });
        });
        same(
          `${label}: down does not give from.sql\n${sources}`,
          await introspect(db.driver, { privileges }),
          from,
        );
        await runner.migrate();
        same(
          `${label}: up again does not give to.sql\n${sources}`,
          await introspect(db.driver, { privileges }),
          to,
        );
      } finally {
        await rm(files, { recursive: true, force: true });
      }
    }
  });
});
