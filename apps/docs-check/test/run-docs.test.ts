import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sampleModule, samplesOf } from '../src/samples.js';

// Every ```ts runnable sample in docs/ runs here, each as its own module, on PGlite (the samples ask
// for it: createTestDatabase({ target: 'pglite' }) or createPgliteDriver()). A sample that throws fails.
// Type-checking is docs.test.ts; the two files run in parallel.
const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const out = join(here, '..', 'samples', 'run');
const runnable = samplesOf(root, join(root, 'docs')).filter((s) => s.runnable);
mkdirSync(out, { recursive: true });

describe('runnable docs samples', () => {
  it('there are some', () => {
    expect(runnable.length).toBeGreaterThanOrEqual(3);
  });

  for (const sample of runnable) {
    it(`runs ${sample.doc}:${sample.line}`, async () => {
      const path = join(out, sample.fileName);
      writeFileSync(path, sampleModule(sample));
      await import(pathToFileURL(path).href);
    }, 60_000);
  }
});
