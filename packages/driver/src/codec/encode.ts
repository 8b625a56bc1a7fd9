/**
 * Turns one query parameter into the text PostgreSQL reads for it, so that every adapter sends the
 * same bytes whatever its client library would do: `null`/`undefined` → NULL, strings as they are,
 * numbers, bigints and booleans as their text, `Date` → ISO 8601, `Uint8Array` → bytea hex,
 * arrays → array literals (nested arrays for more dimensions), other objects → JSON.
 *
 * The server infers each parameter's type from the statement; to bind a JSON array to a `json`
 * parameter pass `JSON.stringify(value)`, since a JavaScript array means a PostgreSQL array.
 *
 * @example
 * encodeParam([1, null, 'a"b']); // '{"1",NULL,"a\\"b"}'
 */
export function encodeParam(value: unknown): string | null {
  if (value === null || value === undefined) {
    return null;
  }
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'bigint':
      return String(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      return encodeObject(value);
    default:
      throw new TypeError(`Cannot bind a ${typeof value} as a query parameter`);
  }
}

function encodeObject(value: object): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) {
      throw new TypeError('Cannot bind an invalid Date as a query parameter');
    }
    return value.toISOString();
  }
  if (value instanceof Uint8Array) {
    return `\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}`;
  }
  if (Array.isArray(value)) {
    return encodeArray(value);
  }
  return JSON.stringify(value);
}

function encodeArray(values: readonly unknown[]): string {
  const parts = values.map((element) => {
    if (Array.isArray(element)) {
      return encodeArray(element);
    }
    const text = encodeParam(element);
    return text === null ? 'NULL' : `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  });
  return `{${parts.join(',')}}`;
}
