import type { Hazard } from '@justscale/schema';
import { UnsupportedByServerError } from './errors.js';

/** One SQL statement with what a runner must know before running it. */
export interface Statement {
  readonly sql: string;
  /** False when PostgreSQL refuses to run the statement inside a transaction block. */
  readonly transactional: boolean;
  readonly hazards: readonly Hazard[];
}

/** What the compiler needs to know about the target; it never asks the database itself. */
export interface CompileOptions {
  /**
   * The target server, as `server_version_num` (`150004`) or a major (`15`). Features the version
   * lacks are a typed error. Default: the newest PostgreSQL, no restriction.
   */
  readonly serverVersion?: number;
}

/** The compile context handed to every handler. */
export interface Context {
  /** `server_version_num`-style; `Infinity` when unknown. */
  readonly version: number;
  requireVersion(feature: string, required: number): void;
}

export function context(options: CompileOptions = {}): Context {
  const raw = options.serverVersion;
  const version = raw === undefined ? Number.POSITIVE_INFINITY : raw < 1000 ? raw * 10000 : raw;
  return {
    version,
    requireVersion(feature, required) {
      if (version < required) throw new UnsupportedByServerError(feature, required, version);
    },
  };
}

/** A statement record (frozen). */
export function statement(sql: string, hazards: readonly Hazard[] = [], transactional = true): Statement {
  return Object.freeze({ sql, transactional, hazards: Object.freeze([...hazards]) });
}

/** `list` without the falsy entries: for optional clauses and hazards. */
export function compact<T>(list: readonly (T | false | null | undefined)[]): T[] {
  return list.filter((x): x is T => x !== false && x !== null && x !== undefined);
}
