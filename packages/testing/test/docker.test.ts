import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dockerEndpoint, pingDocker } from '../src/index.js';

const servers: Server[] = [];

async function listen(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const socketPath = join(mkdtempSync(join(tmpdir(), 'justscale-docker-')), 'docker.sock');
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  return socketPath;
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

describe('dockerEndpoint', () => {
  it('reads DOCKER_HOST, else uses the default socket', () => {
    expect(dockerEndpoint({})).toEqual({ socketPath: '/var/run/docker.sock' });
    expect(dockerEndpoint({ DOCKER_HOST: 'unix:///run/user/1000/docker.sock' })).toEqual({
      socketPath: '/run/user/1000/docker.sock',
    });
    expect(dockerEndpoint({ DOCKER_HOST: 'tcp://10.0.0.5:2376' })).toEqual({ host: '10.0.0.5', port: 2376 });
  });
});

describe('pingDocker', () => {
  it('is true when /_ping answers 200', async () => {
    const paths: string[] = [];
    const socket = await listen((req, res) => {
      paths.push(req.url ?? '');
      res.end('OK');
    });
    expect(await pingDocker({ DOCKER_HOST: `unix://${socket}` })).toBe(true);
    expect(paths).toEqual(['/_ping']);
  });

  it('is false when the engine answers an error', async () => {
    const socket = await listen((_req, res) => {
      res.statusCode = 500;
      res.end();
    });
    expect(await pingDocker({ DOCKER_HOST: `unix://${socket}` })).toBe(false);
  });

  it('is false when nothing listens', async () => {
    expect(await pingDocker({ DOCKER_HOST: 'unix:///nonexistent/docker.sock' })).toBe(false);
  });

  it('gives up after the timeout when the engine hangs, closing the request itself', async () => {
    // The engine never answers: pingDocker returns only because it gave up, and the engine sees the
    // client hang up (a ping that waited for an answer would time the test out instead).
    let hungUp!: Promise<void>;
    const socket = await listen((req) => {
      hungUp = new Promise((resolve) => req.socket.once('close', () => resolve()));
    });
    expect(await pingDocker({ DOCKER_HOST: `unix://${socket}` }, 200)).toBe(false);
    await hungUp;
  });
});
