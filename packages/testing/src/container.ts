interface StartedContainer {
  getConnectionUri(): string;
  stop(): Promise<unknown>;
}

interface ContainersModule {
  PostgreSqlContainer: new (image: string) => { start(): Promise<StartedContainer> };
}

/** The image started when Docker is the source. */
export const CONTAINER_IMAGE = 'postgres:17-alpine';

let started: Promise<StartedContainer> | undefined;

/** Whether `@testcontainers/postgresql` can be imported. */
export async function containersInstalled(): Promise<boolean> {
  try {
    await import('@testcontainers/postgresql');
    return true;
  } catch {
    return false;
  }
}

/**
 * The connection URL of this process's PostgreSQL container, started on first use; each test then
 * gets its own database in it. testcontainers' reaper removes the container when the process ends.
 */
export async function containerUrl(): Promise<string> {
  started ??= (async () => {
    const mod = (await import('@testcontainers/postgresql')) as unknown as ContainersModule;
    return new mod.PostgreSqlContainer(CONTAINER_IMAGE).start();
  })();
  return (await started).getConnectionUri();
}
