import { JustScaleError, type JustScaleErrorOptions } from '@justscale/errors';

/** Stable codes of the errors a model definition can raise. */
export type ModelErrorCode =
  | 'NAME_TOO_LONG'
  | 'UNKNOWN_COLUMN'
  | 'DUPLICATE_COLUMN'
  | 'INVALID_DEFAULT'
  | 'INVALID_FIELD'
  | 'INVALID_REFERENCE'
  | 'INVALID_SQL'
  | 'DUPLICATE_OBJECT';

/**
 * An error in a model definition: it names the object (`users.email`) and has a stable `code`.
 *
 * @example
 * try { modelsToSnapshot(Broken) } catch (e) { if (e instanceof ModelError) console.error(e.code, e.object) }
 */
export class ModelError extends JustScaleError {
  override name = 'ModelError';
  declare readonly code: ModelErrorCode;
  constructor(
    code: ModelErrorCode,
    message: string,
    /** The object at fault, e.g. `public.users.email`. */
    readonly object: string | null = null,
    options?: JustScaleErrorOptions,
  ) {
    super(code, object ? `${message} (${object})` : message, options);
  }
}
