const urlPassword = /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/?#@]*:)([^\s@/]*)@/gi;

/**
 * Replaces the password of a connection URL with `***`. Strings that are not URLs are returned
 * unchanged, as are URLs without a password.
 *
 * @example
 * redactUrl('postgres://app:s3cret@db.internal:5432/app'); // 'postgres://app:***@db.internal:5432/app'
 */
export function redactUrl(url: string): string {
  return url.replace(urlPassword, (_, head: string, password: string) =>
    password === '' ? `${head}@` : `${head}***@`,
  );
}

/** The decoded password of a connection URL, if it has one. */
export function passwordOf(url: string): string | undefined {
  try {
    const password = new URL(url).password;
    return password === '' ? undefined : decodeURIComponent(password);
  } catch {
    const match = /^[a-z][a-z0-9+.-]*:\/\/[^\s:/?#@]*:([^\s@/]*)@/i.exec(url);
    return match?.[1] || undefined;
  }
}

/**
 * Scrubs every known secret, and the password of any URL, from text about to be printed. The CLI
 * writes all its output through one of these, so a password cannot reach a terminal or a log.
 */
export class Redactor {
  readonly #secrets = new Set<string>();

  /** Remembers the password of `url` (raw and percent-decoded forms). */
  addUrl(url: string): void {
    const decoded = passwordOf(url);
    if (decoded) this.#secrets.add(decoded);
    const raw = /^[a-z][a-z0-9+.-]*:\/\/[^\s:/?#@]*:([^\s@/]*)@/i.exec(url)?.[1];
    if (raw) this.#secrets.add(raw);
  }

  redact(text: string): string {
    let out = redactUrl(text);
    // Longest first, so a secret containing another is replaced whole.
    for (const secret of [...this.#secrets].sort((a, b) => b.length - a.length)) {
      if (secret.length > 0) out = out.split(secret).join('***');
    }
    return out;
  }
}
