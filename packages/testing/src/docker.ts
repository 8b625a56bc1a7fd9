import { request } from 'node:http';

/** Where the Docker engine listens: `DOCKER_HOST` (`unix://` or `tcp://`), else the default socket. */
export function dockerEndpoint(
  env: Readonly<Record<string, string | undefined>>,
): { socketPath: string } | { host: string; port: number } {
  const host = env.DOCKER_HOST;
  if (!host) {
    return { socketPath: '/var/run/docker.sock' };
  }
  if (host.startsWith('unix://')) {
    return { socketPath: host.slice('unix://'.length) };
  }
  const url = new URL(host.replace(/^tcp:/, 'http:'));
  return { host: url.hostname, port: Number(url.port || 2375) };
}

/**
 * Whether a Docker engine answers `GET /_ping` within `timeoutMs`.
 *
 * @example
 * if (await pingDocker(process.env)) { ... }
 */
export function pingDocker(
  env: Readonly<Record<string, string | undefined>>,
  timeoutMs = 500,
): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(
      { ...dockerEndpoint(env), path: '/_ping', method: 'GET', timeout: timeoutMs },
      (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      },
    );
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
    req.on('error', () => resolve(false));
    req.end();
  });
}
