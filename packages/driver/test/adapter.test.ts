import { describe, expect, it } from 'vitest';
import {
  type Connection,
  cancellable,
  DatabaseError,
  Mutex,
  pooledDriver,
  redact,
  SESSION_RESET_SQL,
  toDatabaseError,
} from '../src/index.js';

describe('toDatabaseError', () => {
  it("maps pg's and PGlite's field names", () => {
    const cause = Object.assign(new Error('duplicate key'), {
      code: '23505',
      detail: 'Key (id)=(1) already exists.',
      position: '12',
      table: 't',
      schema: 'public',
      constraint: 't_pkey',
      dataType: 'int4',
    });
    const error = toDatabaseError(cause, 'INSERT ...') as DatabaseError;
    expect(error).toBeInstanceOf(DatabaseError);
    expect(error).toMatchObject({
      code: '23505',
      position: 12,
      table: 't',
      constraint: 't_pkey',
      sql: 'INSERT ...',
    });
    expect(error.cause).toBe(cause);
  });

  it("maps postgres.js's field names", () => {
    const cause = Object.assign(new Error('x'), {
      code: '42703',
      table_name: 't',
      schema_name: 's',
      column_name: 'c',
      constraint_name: 'k',
      'data type_name': 'text',
      internal_position: '3',
      internal_query: 'q',
    });
    expect(toDatabaseError(cause)).toMatchObject({
      table: 't',
      schema: 's',
      column: 'c',
      constraint: 'k',
      dataType: 'text',
      internalPosition: 3,
      internalQuery: 'q',
    });
  });

  it('turns network failures into 08001 and a lost connection into 08006', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    expect(toDatabaseError(refused)).toMatchObject({ code: '08001', cause: refused });
    const aggregate = Object.assign(
      new AggregateError([Object.assign(new Error('a'), { code: 'ECONNREFUSED' })]),
      {
        code: undefined,
      },
    );
    expect(toDatabaseError(aggregate)).toBeInstanceOf(DatabaseError);
    const lost = new Error('Connection terminated unexpectedly');
    expect(toDatabaseError(lost)).toMatchObject({ code: '08006' });
  });

  it('leaves errors that are not database errors alone', () => {
    const error = new TypeError('Cannot bind a symbol');
    expect(toDatabaseError(error)).toBe(error);
    expect(toDatabaseError('text')).toBe('text');
  });

  it('removes passwords from messages', () => {
    const cause = Object.assign(new Error('could not reach postgres://app:s3cr%40t@db:5432/x (pw hunter2)'), {
      code: 'ENOTFOUND',
    });
    const error = toDatabaseError(cause, undefined, ['hunter2']) as DatabaseError;
    expect(error.message).not.toMatch(/s3cr|hunter2/);
    expect(redact('postgres://u:p@h/d')).toBe('postgres://u:***@h/d');
  });
});

describe('Mutex', () => {
  it('runs callers one at a time, in order', async () => {
    const mutex = new Mutex();
    const log: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const task = (name: string, wait: Promise<void>) =>
      mutex.run(async () => {
        log.push(`${name} start`);
        await wait;
        log.push(`${name} end`);
      });
    const all = Promise.all([task('a', held), task('b', Promise.resolve()), task('c', Promise.resolve())]);
    // Without the mutex, b and c would have started as they were called, while a waits.
    await Promise.resolve();
    expect(log).toEqual(['a start']);
    release();
    await all;
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
  });

  it('is reentrant within the holder, and released when the holder throws', async () => {
    const mutex = new Mutex();
    await expect(mutex.run(() => mutex.run(async () => 'inner'))).resolves.toBe('inner');
    await expect(mutex.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(mutex.run(async () => 'after')).resolves.toBe('after');
    expect(mutex.held).toBe(false);
  });
});

describe('pooledDriver sessions', () => {
  /** A pool of fake connections that records every statement and every release. */
  function fakePool(pid?: number) {
    const log: string[] = [];
    const connection: Connection = {
      query: async (sql) => {
        log.push(sql);
        return { rows: [{ pid: 7 }] as never[], rowCount: 1 };
      },
      run: async (sql) => {
        log.push(sql);
        return 'SELECT';
      },
    };
    const driver = pooledDriver({
      name: 'fake',
      pool: connection,
      close: async () => {},
      acquire: async () => ({
        connection,
        ...(pid === undefined ? {} : { pid }),
        release: (destroy) => {
          log.push(`release ${destroy}`);
        },
      }),
    });
    return { driver, log };
  }

  it('hands back a session that ran nothing without resetting it (no round trip)', async () => {
    const { driver, log } = fakePool();
    await driver.session(async () => undefined);
    expect(log).toEqual(['release false']);
  });

  it('resets a session that ran something before handing it back', async () => {
    const { driver, log } = fakePool();
    await driver.session(async (session) => {
      await session.query('SELECT 1');
    });
    expect(log).toEqual(['SELECT 1', SESSION_RESET_SQL, 'release false']);
  });

  it("gives the session the lease's backend pid, and cancellable uses it without asking", async () => {
    const { driver, log } = fakePool(4242);
    const seen = await driver.session(async (session) => session.pid);
    expect(seen).toBe(4242);
    const { driver: wrapped, cancel } = cancellable(driver);
    log.length = 0;
    await wrapped.session(async (session) => {
      await cancel();
      await session.query('SELECT 2');
    });
    expect(log[0]).toMatch(/pg_cancel_backend/);
    expect(log).not.toContainEqual(expect.stringMatching(/pg_backend_pid/));
  });

  it('asks the server for the pid when the adapter does not know it', async () => {
    const { driver, log } = fakePool();
    const { driver: wrapped } = cancellable(driver);
    await wrapped.session(async () => undefined);
    expect(log[0]).toMatch(/pg_backend_pid/);
  });
});
