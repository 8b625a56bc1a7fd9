import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { describe, expect, it } from 'vitest';

// publint (strict) over every published package, on what `pnpm pack` would put in the tarball: the
// exports map, types and files must agree. Needs the packages built (`pnpm test` builds first).
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const packages = readdirSync(join(root, 'packages')).sort();

describe('publint', () => {
  for (const name of packages) {
    it(`packages/${name} packs cleanly`, async () => {
      const pkgDir = join(root, 'packages', name);
      const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
      const { messages } = await publint({ pkgDir, strict: true, pack: 'pnpm' });
      expect(messages.map((m) => `${m.type}: ${formatMessage(m, pkg)}`)).toEqual([]);
    }, 30_000);
  }
});
