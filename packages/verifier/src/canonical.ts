// Canonical JSON: the subset of RFC 8785 (JCS) that the wire and evidence formats use: objects
// with keys sorted by UTF-16 code units, arrays, strings, booleans, null, and safe integers
// only (no floats, so number formatting can never differ between implementations). On this
// subset any JCS implementation produces the same bytes.

export type Canonical = null | boolean | number | string | Canonical[] | { [k: string]: Canonical };

/** Canonical JSON of v. */
export function canonicalJson(v: unknown): string {
  // Native JSON.stringify does the writing (fast on MiB-sized openings); the replacer enforces
  // the subset and hands it objects with their keys already sorted.
  const out = JSON.stringify(v, function (this: unknown, key: string, value: unknown) {
    switch (typeof value) {
      case "number":
        if (!Number.isSafeInteger(value)) throw new Error(`canonical JSON: ${value} is not a safe integer`);
        return value;
      case "string":
      case "boolean":
        return value;
      case "object": {
        if (value === null || Array.isArray(value)) return value;
        const proto = Object.getPrototypeOf(value);
        if (proto !== Object.prototype && proto !== null) throw new Error("canonical JSON: only plain objects");
        const o = value as Record<string, unknown>;
        // Null prototype: a "__proto__" key is then an ordinary member, as in JSON.parse's output.
        const sorted: Record<string, unknown> = Object.create(null);
        for (const k of Object.keys(o).sort()) sorted[k] = o[k];
        return sorted;
      }
      default:
        throw new Error(`canonical JSON: cannot encode ${typeof value}${key ? ` at ${key}` : ""}`);
    }
  });
  if (out === undefined) throw new Error("canonical JSON: nothing to encode");
  return out;
}

export const canonicalBytes = (v: unknown): Uint8Array => new Uint8Array(Buffer.from(canonicalJson(v), "utf8"));
