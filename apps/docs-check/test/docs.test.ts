import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { type Sample, sampleModule, samplesOf } from '../src/samples.js';

// Every ```ts sample in docs/ is type-checked against the workspace packages (their sources, through
// the `@justscale/source` condition); run-docs.test.ts runs the ```ts runnable ones on PGlite. So the
// docs cannot drift from the code.
const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const out = join(here, '..', 'samples', 'check');
const samples = samplesOf(root, join(root, 'docs'));

function writeSamples(list: Sample[]): Map<string, Sample> {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const byPath = new Map<string, Sample>();
  for (const sample of list) {
    const path = join(out, sample.fileName);
    writeFileSync(path, sampleModule(sample));
    byPath.set(path, sample);
  }
  return byPath;
}

// A sample that must fail: proves the check reports errors, with the doc line, at all.
const canary: Sample = {
  doc: 'docs/canary.md',
  line: 10,
  runnable: false,
  code: "const ok = 1;\nconst n: number = 'not a number';",
  fileName: 'canary.ts',
};
const byPath = writeSamples([...samples, canary]);

describe('docs samples', () => {
  it('finds samples in every doc', () => {
    const docs = new Set(samples.map((s) => s.doc));
    expect(docs.size).toBeGreaterThanOrEqual(8);
    expect(samples.some((s) => s.runnable)).toBe(true);
  });

  it('type-check against the workspace packages', () => {
    const config = ts.readConfigFile(join(root, 'tsconfig.base.json'), ts.sys.readFile);
    const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
    const program = ts.createProgram([...byPath.keys()], {
      ...parsed.options,
      noEmit: true,
      noUnusedLocals: false,
    });
    const problems = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file && byPath.has(resolve(d.file.fileName)))
      .map((d) => {
        const sample = byPath.get(resolve(d.file?.fileName ?? '')) as Sample;
        const { line } = d.file?.getLineAndCharacterOfPosition(d.start ?? 0) ?? { line: 0 };
        // line 0 of the module is the header comment: line 1 is the sample's first line.
        return `${sample.doc}:${sample.line + line - 1}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
      });
    expect(problems.filter((p) => p.startsWith('docs/canary.md:'))).toEqual([
      "docs/canary.md:11: Type 'string' is not assignable to type 'number'.",
    ]);
    expect(problems.filter((p) => !p.startsWith('docs/canary.md:'))).toEqual([]);
  }, 60_000);
});
