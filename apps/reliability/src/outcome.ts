import { DatabaseError } from '@justscale/driver';

/** How one hostile case ended. */
export type Outcome =
  | { readonly kind: 'round-trip' }
  | { readonly kind: 'refused'; readonly code: string; readonly message: string }
  | { readonly kind: 'defect'; readonly message: string };

/** What a case may legitimately be refused with: a typed error of JustScale, raised before any SQL ran. */
export function classify(error: unknown): Outcome {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof DatabaseError) {
    // PostgreSQL refused SQL we sent: the input reached the server as SQL, not as a clear refusal.
    return { kind: 'defect', message: `PostgreSQL error ${error.code ?? '?'}: ${message}` };
  }
  const code = (error as { code?: unknown } | null)?.code;
  // A hazard refusal is about the database, not the input: the harness left something the models lack.
  if (
    error instanceof Error &&
    typeof code === 'string' &&
    !/^[0-9A-Z]{5}$/.test(code) &&
    code !== 'HAZARD_NOT_ALLOWED'
  ) {
    return { kind: 'refused', code, message };
  }
  return { kind: 'defect', message: `untyped error: ${message}` };
}

/** Fails the case with `message` unless `ok`. */
export function expect(ok: boolean, message: string): void {
  if (!ok) throw new RoundTripMismatch(message);
}

/** A case that ran but did not come back exactly. */
export class RoundTripMismatch extends Error {
  override readonly name = 'RoundTripMismatch';
}

/** A printable form of a hostile string. */
export function show(s: string): string {
  return JSON.stringify(s.length > 40 ? `${s.slice(0, 37)}...` : s);
}
