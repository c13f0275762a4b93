// Canonical JSON: the subset of RFC 8785 (JCS) that the wire and evidence formats use: objects
// with keys sorted by UTF-16 code units, arrays, strings, booleans, null, and safe integers
// only (no floats, so number formatting can never differ between implementations). On this
// subset any JCS implementation produces the same bytes.

export type Canonical = null | boolean | number | string | Canonical[] | { [k: string]: Canonical };

/**
 * Text already encoded, by object identity: the canonical JSON of that very object (unchanged
 * since), as pieces whose concatenation is the text.
 */
export type KnownCanonical = ReadonlyMap<unknown, readonly string[]>;

/**
 * Canonical JSON of v. With `known`, an object reached through plain objects from the top is
 * written from its known text instead of being encoded again; the bytes are exactly those
 * without `known`, since a plain object's canonical form is "{" + its sorted `"key":value`
 * members joined by "," + "}".
 */
export function canonicalJson(v: unknown, known?: KnownCanonical): string {
  if (known !== undefined && known.size > 0) return canonicalPieces(v, known).join("");
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

const isPlain = (v: unknown): boolean => {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  // An own or inherited toJSON would make JSON.stringify encode something else: leave those to it.
  return (proto === Object.prototype || proto === null) && typeof (v as { toJSON?: unknown }).toJSON !== "function";
};

/**
 * Canonical JSON of v as pieces to be concatenated (or hashed one after another, see sha256Text):
 * large members are never copied into one string. Known values contribute their pieces.
 */
export function canonicalPieces(v: unknown, known?: KnownCanonical, out: string[] = []): string[] {
  const k = typeof v === "object" && v !== null ? known?.get(v) : undefined;
  if (k !== undefined) {
    for (const x of k) out.push(x);
  } else if (known !== undefined && known.size > 0 && isPlain(v)) {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o).sort();
    out.push("{");
    for (let x = 0; x < keys.length; x++) {
      out.push((x === 0 ? "" : ",") + JSON.stringify(keys[x]) + ":");
      canonicalPieces(o[keys[x]], known, out);
    }
    out.push("}");
  } else {
    out.push(canonicalJson(v));
  }
  return out;
}

export const canonicalBytes = (v: unknown, known?: KnownCanonical): Uint8Array =>
  new Uint8Array(Buffer.from(canonicalJson(v, known), "utf8"));
