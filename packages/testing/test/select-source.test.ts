import { describe, expect, it } from 'vitest';
import { type SourceProbes, selectTestSource } from '../src/index.js';

function probes(env: Record<string, string>, docker: boolean, installed = true) {
  const calls: string[] = [];
  const p: SourceProbes = {
    env,
    dockerAvailable: async () => {
      calls.push('docker');
      return docker;
    },
    containersInstalled: async () => {
      calls.push('installed');
      return installed;
    },
  };
  return { p, calls };
}

const url = 'postgres://postgres@127.0.0.1:5432/postgres';

describe('selectTestSource', () => {
  it('uses PGlite when JUSTSCALE_TEST_TARGET=pglite, even with DATABASE_URL and Docker', async () => {
    const { p, calls } = probes({ JUSTSCALE_TEST_TARGET: 'pglite', DATABASE_URL: url }, true);
    expect((await selectTestSource(undefined, p)).kind).toBe('pglite');
    expect(calls).toEqual([]);
  });

  it('uses DATABASE_URL before probing Docker', async () => {
    const { p, calls } = probes({ JUSTSCALE_TEST_TARGET: 'auto', DATABASE_URL: url }, true);
    expect(await selectTestSource(undefined, p)).toMatchObject({ kind: 'server', url });
    expect(calls).toEqual([]);
  });

  it('uses a container when there is no DATABASE_URL and Docker answers', async () => {
    const { p } = probes({}, true);
    expect((await selectTestSource(undefined, p)).kind).toBe('container');
  });

  it('falls back to PGlite when Docker answers but testcontainers is not installed', async () => {
    const { p } = probes({}, true, false);
    const source = await selectTestSource(undefined, p);
    expect(source.kind).toBe('pglite');
    expect(source.reason).toMatch(/testcontainers/);
  });

  it('falls back to PGlite with neither DATABASE_URL nor Docker', async () => {
    const { p, calls } = probes({ DATABASE_URL: '' }, false);
    expect((await selectTestSource(undefined, p)).kind).toBe('pglite');
    expect(calls).toEqual(['docker']);
  });

  it('lets the option override the environment', async () => {
    const { p } = probes({ JUSTSCALE_TEST_TARGET: 'pglite', DATABASE_URL: url }, false);
    expect((await selectTestSource('server', p)).kind).toBe('server');
    const second = probes({ DATABASE_URL: url }, false);
    expect((await selectTestSource('pglite', second.p)).kind).toBe('pglite');
  });

  it('refuses the server target without DATABASE_URL', async () => {
    const { p } = probes({ JUSTSCALE_TEST_TARGET: 'server' }, true);
    await expect(selectTestSource(undefined, p)).rejects.toThrow(/DATABASE_URL/);
  });

  it('refuses an unknown JUSTSCALE_TEST_TARGET', async () => {
    const { p } = probes({ JUSTSCALE_TEST_TARGET: 'mysql' }, false);
    await expect(selectTestSource(undefined, p)).rejects.toThrow(/JUSTSCALE_TEST_TARGET/);
  });
});
