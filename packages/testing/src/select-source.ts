/** Where `createTestDatabase` may take a database from: `'auto'` tries them in order. */
export type TestTarget = 'auto' | 'pglite' | 'server';

/** The database source chosen for this process. */
export type TestSource =
  | { readonly kind: 'server'; readonly url: string; readonly reason: string }
  | { readonly kind: 'container'; readonly reason: string }
  | { readonly kind: 'pglite'; readonly reason: string };

/** What the selection looks at, injected so that it can be tested without Docker or a server. */
export interface SourceProbes {
  /** The environment (`JUSTSCALE_TEST_TARGET`, `DATABASE_URL`). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether a Docker engine answers `/_ping`. */
  dockerAvailable(): Promise<boolean>;
  /** Whether `@testcontainers/postgresql` can be imported. */
  containersInstalled(): Promise<boolean>;
}

function parseTarget(value: string | undefined): TestTarget | undefined {
  if (value === undefined || value === '') {
    return undefined;
  }
  if (value === 'auto' || value === 'pglite' || value === 'server') {
    return value;
  }
  throw new Error(`JUSTSCALE_TEST_TARGET must be 'auto', 'pglite' or 'server', not '${value}'`);
}

/**
 * Chooses the database source. In order: a `'pglite'` target (the option, else
 * `JUSTSCALE_TEST_TARGET`) means PGlite; else `DATABASE_URL` means that server (required when the
 * target is `'server'`); else testcontainers' PostgreSQL when a Docker engine answers and the module
 * is installed; else PGlite in memory.
 *
 * @example
 * await selectTestSource('auto', { env: process.env, dockerAvailable, containersInstalled });
 */
export async function selectTestSource(
  target: TestTarget | undefined,
  probes: SourceProbes,
): Promise<TestSource> {
  const chosen = target ?? parseTarget(probes.env.JUSTSCALE_TEST_TARGET) ?? 'auto';
  if (chosen === 'pglite') {
    return { kind: 'pglite', reason: 'the pglite target was asked for' };
  }
  const url = probes.env.DATABASE_URL;
  if (url) {
    return { kind: 'server', url, reason: 'DATABASE_URL is set' };
  }
  if (chosen === 'server') {
    throw new Error(
      'The server target needs DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres)',
    );
  }
  if (await probes.dockerAvailable()) {
    if (await probes.containersInstalled()) {
      return { kind: 'container', reason: 'a Docker engine answers' };
    }
    return {
      kind: 'pglite',
      reason:
        'a Docker engine answers but @testcontainers/postgresql is not installed, and DATABASE_URL is not set',
    };
  }
  return { kind: 'pglite', reason: 'neither DATABASE_URL nor a Docker engine is available' };
}
