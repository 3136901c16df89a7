/**
 * Structural equality for JSON-like records. A property set to `undefined` counts as absent,
 * because a record that went through JSON (a backup) has lost such properties while the same
 * record read from the database may still carry them. Key order does not matter.
 */
export function jsonEqual(a: unknown, b: unknown, ignoreKeys?: ReadonlySet<string>): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b);
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], other[i])) return false;
    return true;
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  let definedLeft = 0;
  for (const key in left) {
    if (!Object.hasOwn(left, key) || ignoreKeys?.has(key) || left[key] === undefined) continue;
    definedLeft++;
    if (!Object.hasOwn(right, key) || !jsonEqual(left[key], right[key])) return false;
  }
  let definedRight = 0;
  for (const key in right) {
    if (!Object.hasOwn(right, key) || ignoreKeys?.has(key) || right[key] === undefined) continue;
    definedRight++;
  }
  return definedLeft === definedRight;
}
