// Writes every ```ts sample of docs/ to apps/docs-check/samples/, one file each, for reading or
// running by hand. The test does the same into the same directory.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sampleModule, samplesOf } from '../src/samples.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const out = join(here, '..', 'samples');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
for (const sample of samplesOf(root, join(root, 'docs'))) {
  writeFileSync(join(out, sample.fileName), sampleModule(sample));
  console.log(
    `${sample.doc}:${sample.line} -> samples/${sample.fileName}${sample.runnable ? ' (runnable)' : ''}`,
  );
}
