/** Freezes a value and everything inside it. Snapshot nodes are immutable. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    // Not `Object.values`: called on every node of a snapshot, that array is garbage each time.
    if (Array.isArray(value)) for (let i = 0; i < value.length; i++) deepFreeze(value[i]);
    else for (const k in value) deepFreeze((value as Record<string, unknown>)[k]);
  }
  return value;
}
