import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * A first-come first-served async lock. `run` is reentrant within one async context: code already
 * holding the lock (a session callback) that reaches `run` again runs at once instead of deadlocking.
 */
export class Mutex {
  #tail: Promise<void> = Promise.resolve();
  readonly #holder = new AsyncLocalStorage<Mutex>();

  /** Whether the calling async context holds this lock. */
  get held(): boolean {
    return this.#holder.getStore() === this;
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.held) {
      return fn();
    }
    const previous = this.#tail;
    let release!: () => void;
    this.#tail = new Promise<void>((resolve) => {
      release = resolve;
    });
    await previous;
    try {
      return await this.#holder.run(this, fn);
    } finally {
      release();
    }
  }
}

const mutexes = new WeakMap<object, Mutex>();

/**
 * The one mutex for a single-connection client (a PGlite instance, a `pg` Client), shared by every
 * driver wrapping that client, so that two drivers over one connection still take turns.
 */
export function mutexFor(client: object): Mutex {
  let mutex = mutexes.get(client);
  if (!mutex) {
    mutex = new Mutex();
    mutexes.set(client, mutex);
  }
  return mutex;
}
