import { checkPackage, type Package } from '@arethetypeswrong/core';
import { problemAffectsResolutionKind, problemKindInfo } from '@arethetypeswrong/core/problems';
import type { ResolutionKind } from '@arethetypeswrong/core/types';

/**
 * The resolution modes checked. Our packages are ESM-only (`"type": "module"`, no `require`
 * condition), as attw's `--profile esm-only` expects: `node10` (no `exports` support) and
 * `node16-cjs` (`require()` of an ES module) cannot load them by design, so those two are not.
 */
export const esmOnlyResolutions: readonly ResolutionKind[] = ['node16-esm', 'bundler'];

/**
 * Are-the-types-wrong over one package, as attw's `--profile esm-only`: one line per problem
 * (`CJSResolvesToESM at ./conformance (node16-esm): ...`), and one per entrypoint whose types do not
 * resolve to a `.d.ts` in a checked mode. Empty when the package is fine.
 *
 * @example
 * await typesProblems(createPackageFromTarballData(readFileSync('justscale-sql-0.0.0.tgz')));
 */
export async function typesProblems(pkg: Package): Promise<string[]> {
  const analysis = await checkPackage(pkg);
  if (!analysis.types) return [`${pkg.packageName}: ships no types`];
  const lines: string[] = [];
  for (const problem of analysis.problems) {
    const kinds = esmOnlyResolutions.filter((kind) => problemAffectsResolutionKind(problem, kind, analysis));
    if (kinds.length === 0) continue;
    const where = 'entrypoint' in problem ? ` at ${problem.entrypoint}` : '';
    lines.push(`${problem.kind}${where} (${kinds.join(', ')}): ${problemKindInfo[problem.kind].description}`);
  }
  for (const [entrypoint, info] of Object.entries(analysis.entrypoints)) {
    for (const kind of esmOnlyResolutions) {
      const resolution = info.resolutions[kind].resolution;
      if (!resolution?.isTypeScript && !resolution?.isJson)
        lines.push(`${entrypoint} (${kind}): no .d.ts resolves`);
    }
  }
  return lines;
}
