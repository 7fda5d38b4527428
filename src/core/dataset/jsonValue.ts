/** A parsed JSON object (not an array, not null). */
export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The value of an own property, or undefined. Own properties only, so names such as `__proto__` or
 * `constructor` read what the JSON says and never reach Object.prototype.
 */
export function ownValue(record: JsonObject, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * The value at a path of keys (`['input', 'question']`), through own properties of nested objects;
 * undefined when any step is missing or not an object.
 *
 * @example valueAtPath({ input: { question: 'hi' } }, ['input', 'question']) // 'hi'
 */
export function valueAtPath(record: JsonObject, path: readonly string[]): unknown {
  let value: unknown = record;
  for (const key of path) {
    if (!isJsonObject(value)) return undefined;
    value = ownValue(value, key);
  }
  return value;
}

/** A JSON value's type in words for error messages: `a number`, `an array`, `null`. */
export function describeJsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'a boolean';
    case 'object':
      return 'an object';
    default:
      return 'missing';
  }
}

/** A label as text: strings as they are, numbers and booleans stringified; undefined for '' and the rest. */
export function labelText(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}
