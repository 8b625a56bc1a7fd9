import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * `pg`, required from this package (or by `load`: a copy of pg bundled in one file, as the
 * `justscale` binary has it). On Node 20, loading pg costs about 30 ms of CPU more than it
 * needs: its `lib/stream.js` decides at load whether it runs on Cloudflare Workers, and where
 * `navigator` is not defined (Node 20; Node 21 and later define it) it does so by constructing a
 * `Response`, which loads Node's whole `fetch` implementation (undici) that a database client never
 * uses. A `navigator` such as Node 21 defines (`userAgent` `Node.js/<major>`) answers the check the
 * way it is answered there; it is defined only for the synchronous `require` and removed at once, so
 * no other code sees it. Where `navigator` exists, or pg is already loaded, nothing is defined.
 */
export function requirePg(load: () => unknown = () => require('pg')): unknown {
  if ('navigator' in globalThis) return load();
  Object.defineProperty(globalThis, 'navigator', {
    value: { userAgent: `Node.js/${process.versions.node.split('.')[0]}` },
    configurable: true,
    writable: true,
  });
  try {
    return load();
  } finally {
    delete (globalThis as { navigator?: unknown }).navigator;
  }
}
