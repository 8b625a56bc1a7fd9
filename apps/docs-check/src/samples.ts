import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** A fenced ```ts block of a doc file. */
export interface Sample {
  /** The doc file, relative to the repository root (`docs/models.md`). */
  doc: string;
  /** The 1-based line of the sample's first code line in `doc`. */
  line: number;
  /** Whether the fence says `ts runnable`: the test runs it on PGlite. */
  runnable: boolean;
  code: string;
  /** A file name for the extracted sample (`models_md_L12.ts`). */
  fileName: string;
}

/**
 * Every ```ts block of one markdown text. Other languages (sh, sql, text) are not checked.
 *
 * @example
 * extractSamples('docs/a.md', '```ts\nconst a = 1;\n```\n'); // [{ doc: 'docs/a.md', line: 2, ... }]
 */
export function extractSamples(doc: string, markdown: string): Sample[] {
  const lines = markdown.split('\n');
  const samples: Sample[] = [];
  let open: { line: number; runnable: boolean; body: string[] } | null = null;
  lines.forEach((text, index) => {
    if (open === null) {
      const fence = /^```(ts|typescript)(\s+runnable)?\s*$/.exec(text);
      if (fence) open = { line: index + 2, runnable: Boolean(fence[2]), body: [] };
      return;
    }
    if (/^```\s*$/.test(text)) {
      const stem = doc.replace(/^docs\//, '').replace(/[^A-Za-z0-9]+/g, '_');
      samples.push({
        doc,
        line: open.line,
        runnable: open.runnable,
        code: open.body.join('\n'),
        fileName: `${stem}_L${open.line}.ts`,
      });
      open = null;
      return;
    }
    open.body.push(text);
  });
  return samples;
}

/** The samples of every `*.md` file under `docsDir` (recursively), keyed to paths from `root`. */
export function samplesOf(root: string, docsDir: string): Sample[] {
  const files = (readdirSync(docsDir, { recursive: true }) as string[])
    .filter((file) => file.endsWith('.md'))
    .sort();
  return files.flatMap((file) => {
    const path = join(docsDir, file);
    return extractSamples(relative(root, path).split('\\').join('/'), readFileSync(path, 'utf8'));
  });
}

/**
 * The sample as a module: `export {}` keeps every sample in its own scope, and a header names its
 * origin so a compiler message can be traced back.
 */
export function sampleModule(sample: Sample): string {
  return `// ${sample.doc}:${sample.line}\n${sample.code}\nexport {};\n`;
}
