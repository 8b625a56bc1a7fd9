import { JustScaleError, type JustScaleErrorOptions } from '@justscale/errors';

/** Every error `@justscale/fleet` raises itself has one of these stable codes. */
export type FleetErrorCode =
  /** A target line or URL is not valid: not a postgres:// URL or pglite:<dir>, a bad `#schema=`. */
  | 'FLEET_TARGET_INVALID'
  /** No targets: an empty file, an empty list, a query that returned no rows. */
  | 'FLEET_NO_TARGETS'
  /** The targets query failed or returned something that is not a URL or a schema name. */
  | 'FLEET_QUERY_FAILED'
  /** A target's database could not be reached. */
  | 'CONNECTION_FAILED'
  /** An option is not valid (concurrency, canary). */
  | 'INVALID_ARGUMENT';

/**
 * An error of the fleet itself (not of one target's migrations, which keep their own errors).
 *
 * @example
 * try { parseTargets('mysql://x', 'targets.txt'); } catch (e) { if (e instanceof FleetError) console.log(e.code); }
 */
export class FleetError extends JustScaleError {
  override name = 'FleetError';
  declare readonly code: FleetErrorCode;

  constructor(code: FleetErrorCode, message: string, options?: JustScaleErrorOptions) {
    super(code, message, options);
  }
}
