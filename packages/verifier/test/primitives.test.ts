import { expect } from "chai";
import * as crypto from "node:crypto";
import {
  philox, fillInt8, dotStream, dotWColumn, dot, Permutation, genWT, genWColumn, genX0, genX0Row, paramsByName, gemmNaive, gemmTN, requant, requantAll,
  MerkleTree, PathVerifier, leafHash, rootFromPath, rowNode, chunkLeaves, inRowPath, depth, deriveSeed, nonceCommitment, deriveKey,
  canonicalJson, signerFromSecret, verifySignature, absorb, seededRandom, checkParams, PARAM_CLASSES, transcriptBytes, paramsForVram,
} from "../src";
import { ascii, concat, fromBase64, fromHex, u32le, u64le } from "../src/bytes";
import { newChallenge } from "./helpers";

const rnd = (n: number) => new Int8Array(crypto.randomBytes(n).buffer.slice(0, n));

describe("Philox4x32-10 and the int8 stream", () => {
  it("matches the Random123 known-answer vectors", () => {
    const kat: [number[], number[], number[]][] = [
      [[0, 0, 0, 0], [0, 0], [0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8]],
      [[0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff], [0xffffffff, 0xffffffff], [0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd]],
      [[0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344], [0xa4093822, 0x299f31d0], [0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1]],
    ];
    for (const [c, k, want] of kat) {
      const o = new Uint32Array(4);
      philox(c[0], c[1], c[2], c[3], k[0], k[1], o);
      expect(Array.from(o)).to.deep.equal(want);
    }
  });

  it("is random access: any window equals the slice of the whole stream", () => {
    const key = [0x12345678, 0x9abcdef0] as const;
    const all = new Int8Array(1000);
    fillInt8(key, 0, all);
    for (const [s, n] of [[0, 1], [5, 30], [16, 16], [17, 100], [999, 1]]) {
      const w = new Int8Array(n);
      fillInt8(key, s, w);
      expect(Array.from(w)).to.deep.equal(Array.from(all.subarray(s, s + n)));
    }
    // uses the whole int8 range
    expect(Math.min(...all)).to.equal(-128);
    expect(Math.max(...all)).to.equal(127);
  });

  it("regenerates one W column and one X_0 row in O(n), equal to the full matrices", () => {
    const p = paramsByName("ci-tiny");
    const seed = deriveSeed(newChallenge(p));
    const wt = genWT(p, seed, 3);
    const x0 = genX0(p, seed);
    for (const j of [0, 7, p.n - 1]) expect(Array.from(genWColumn(p, seed, 3, j))).to.deep.equal(Array.from(wt.subarray(j * p.n, (j + 1) * p.n)));
    for (const i of [0, p.m - 1]) expect(Array.from(genX0Row(p, seed, i))).to.deep.equal(Array.from(x0.subarray(i * p.n, (i + 1) * p.n)));
  });

  it("dot products with a stream run (the verifier's fused W-column check) equal dot(x, run)", () => {
    const key = [0xdeadbeef, 0x01234567] as const;
    for (const [s, n] of [[0, 16], [32, 256], [5, 40], [17, 3], [4096, 1024]]) {
      const x = rnd(n);
      const run = new Int8Array(n);
      fillInt8(key, s, run);
      expect(dotStream(key, s, x)).to.equal(dot(x, run));
    }
    const p = paramsByName("ci-tiny");
    const seed = deriveSeed(newChallenge(p));
    const x = rnd(p.n);
    for (const j of [0, 5, p.n - 1]) expect(dotWColumn(p, seed, 2, j, x)).to.equal(dot(x, genWColumn(p, seed, 2, j)));
    // extremes: all −128 against the stream stays exact
    const y = new Int8Array(1024).fill(-128);
    const run = new Int8Array(1024);
    fillInt8(key, 0, run);
    expect(dotStream(key, 0, y)).to.equal(dot(y, run));
  });
});

describe("Feistel permutation", () => {
  for (const m of [2, 3, 16, 48, 64, 100, 1000, 4096]) {
    it(`is a permutation of 0..${m - 1} that depends on the key`, () => {
      const a = new Permutation([1, 2], m);
      const b = new Permutation([1, 3], m);
      const seen = new Set<number>();
      let same = 0;
      for (let i = 0; i < m; i++) {
        const y = a.apply(i);
        expect(y).to.be.within(0, m - 1);
        seen.add(y);
        if (y === b.apply(i)) same++;
      }
      expect(seen.size).to.equal(m);
      if (m >= 64) expect(same).to.be.below(m / 4);
    });
  }
});

describe("exact int8 GEMM", () => {
  const transpose = (B: Int8Array, k: number, n: number) => {
    const T = new Int8Array(n * k);
    for (let p = 0; p < k; p++) for (let j = 0; j < n; j++) T[j * k + p] = B[p * n + j];
    return T;
  };
  for (const [m, k, n] of [[4, 4, 4], [16, 64, 64], [5, 300, 7], [9, 257, 13], [32, 1024, 8]]) {
    it(`blocked kernel equals the naive triple loop (${m}×${k}×${n})`, () => {
      const A = rnd(m * k);
      const B = rnd(k * n);
      expect(Array.from(gemmTN(A, transpose(B, k, n), m, k, n))).to.deep.equal(Array.from(gemmNaive(A, B, m, k, n)));
    });
  }
  it("is exact at the extremes of the int8 range (no float rounding in the packed path)", () => {
    for (const [va, vb] of [[-128, -128], [-128, 127], [127, 127]]) {
      const k = 4096;
      const A = new Int8Array(4 * k).fill(va);
      const BT = new Int8Array(4 * k).fill(vb);
      const C = gemmTN(A, BT, 4, k, 4);
      for (const c of C) expect(c).to.equal(va * vb * k);
    }
  });
  it("requantises to byte 1 of the exact sum", () => {
    const cases: [number, number][] = [[0, 0], [255, 0], [256, 1], [0x7f00, 127], [0x8000, -128], [-1, -1], [-256, -1], [-257, -2], [1 << 28, 0], [-(1 << 28), 0], [0x12345678, 0x56]];
    for (const [y, q] of cases) expect(requant(y), `q(${y})`).to.equal(q);
    const Y = Int32Array.from(cases.map((c) => c[0]));
    expect(Array.from(requantAll(Y, new Int8Array(Y.length)))).to.deep.equal(cases.map((c) => c[1]));
  });
});

describe("Merkle trees", () => {
  const hashes = (n: number) => new Uint8Array(crypto.randomBytes(32 * n));
  for (const count of [1, 2, 3, 5, 7, 8, 13, 33]) {
    it(`every path of a ${count}-node level verifies; a flipped sibling does not`, () => {
      const bottom = hashes(count);
      const t = new MerkleTree(bottom);
      for (let i = 0; i < count; i++) {
        const path = t.path(i);
        expect(path.length).to.equal(depth(count));
        expect(Buffer.from(rootFromPath(t.node(i), i, count, path)!).equals(Buffer.from(t.root))).to.equal(true);
        if (path.length > 0) {
          const bad = path.map((h) => h.slice());
          bad[0][5] ^= 1;
          const r = rootFromPath(t.node(i), i, count, bad);
          expect(r === null || !Buffer.from(r).equals(Buffer.from(t.root))).to.equal(true);
        }
      }
      expect(rootFromPath(t.node(0), 0, count, [...t.path(0), t.root])).to.equal(null); // wrong length
      expect(rootFromPath(t.node(0), count, count, t.path(0))).to.equal(null); // out of range
    });
  }
  it("PathVerifier: same verdict as rootFromPath on every path, with shared nodes hashed once", () => {
    for (const count of [1, 2, 7, 37, 64]) {
      const t = new MerkleTree(hashes(count));
      const pv = new PathVerifier(t.root);
      const plain = (b: Uint8Array, i: number, path: Uint8Array[]) => {
        const r = rootFromPath(b, i, count, path);
        return r !== null && Buffer.from(r).equals(Buffer.from(t.root));
      };
      for (let trial = 0; trial < 6 * count; trial++) {
        const i = trial % count;
        const path = t.path(i).map((h) => h.slice());
        let bottom = t.node(i);
        const mode = trial % 4; // 0: honest, 1: a sibling flipped, 2: bottom flipped, 3: wrong index
        if (mode === 1 && path.length > 0) path[trial % path.length][0] ^= 1;
        if (mode === 2) bottom = Uint8Array.from(bottom, (b, k) => (k === 0 ? b ^ 1 : b));
        const idx = mode === 3 ? (i + 1) % count : i;
        expect(pv.verify(bottom, idx, count, concat(...path)), `count ${count} trial ${trial}`).to.equal(plain(bottom, idx, path));
      }
    }
  });

  it("separates leaves from nodes (a node's preimage is not a leaf)", () => {
    const l = leafHash(new Uint8Array(64));
    const t = new MerkleTree(concat(new Uint8Array(32), new Uint8Array(32)));
    expect(Buffer.from(l).equals(Buffer.from(t.root))).to.equal(false);
  });
  it("row node + row path = the chunk-level tree over the whole transcript", () => {
    const n = 256;
    const rows = 5;
    const data = new Uint8Array(crypto.randomBytes(rows * n));
    const rowNodes = new Uint8Array(rows * 32);
    for (let r = 0; r < rows; r++) rowNodes.set(rowNode(data.subarray(r * n, (r + 1) * n)), r * 32);
    const top = new MerkleTree(rowNodes);
    const leaves = new Uint8Array(rows * 16 * 32);
    for (let r = 0; r < rows; r++) leaves.set(chunkLeaves(data.subarray(r * n, (r + 1) * n)), r * 16 * 32);
    const flat = new MerkleTree(leaves);
    expect(Buffer.from(flat.root).equals(Buffer.from(top.root))).to.equal(true);
    const a = 3 * 16 + 9;
    const path = [...inRowPath(data.subarray(3 * n, 4 * n), 9), ...top.path(3)];
    const chunk = data.subarray(a * 16, a * 16 + 16);
    expect(Buffer.from(rootFromPath(leafHash(chunk), a, rows * 16, path)!).equals(Buffer.from(top.root))).to.equal(true);
  });
});

describe("byte encodings", () => {
  it("hex and base64 decoding are strict (one value, one encoding)", () => {
    expect(Array.from(fromHex("00ff10"))).to.deep.equal([0, 255, 16]);
    for (const bad of ["0", "0g", "zz00", " 00"]) expect(() => fromHex(bad), bad).to.throw();
    expect(() => fromHex("00", 2)).to.throw(/expected 2/);
    expect(Array.from(fromBase64("AAEC"))).to.deep.equal([0, 1, 2]);
    expect(Array.from(fromBase64("AA=="))).to.deep.equal([0]);
    for (const bad of ["AA=", "AB==", "AAB=", "A!AA", "AAAA\n", "====", "A==="]) expect(() => fromBase64(bad), bad).to.throw();
  });
});

describe("seed, keys, signatures, canonical JSON", () => {
  it("seed = SHA-256 over the documented byte layout", () => {
    const p = paramsByName("ci");
    const ch = newChallenge(p, { challengeId: 0x0102030405060708n });
    const manual = crypto.createHash("sha256")
      .update(concat(ascii("poc/v1"), ch.programId, ch.devicePda, Uint8Array.from([8, 7, 6, 5, 4, 3, 2, 1]), ch.slotHash, ch.vNonce))
      .digest();
    expect(Buffer.from(deriveSeed(ch)).equals(manual)).to.equal(true);
    expect(Buffer.from(u64le(0x0102030405060708n)).toString("hex")).to.equal("0807060504030201");
    const seed = deriveSeed(ch);
    expect(Buffer.from(deriveKey(seed, "W", 5)).equals(crypto.createHash("sha256").update(concat(seed, ascii("W"), u32le(5))).digest())).to.equal(true);
    expect(Buffer.from(nonceCommitment(ch.vNonce)).equals(crypto.createHash("sha256").update(ch.vNonce).digest())).to.equal(true);
    expect(() => deriveSeed({ ...ch, slotHash: new Uint8Array(31) })).to.throw();
  });
  it("any change to one seed input changes the seed", () => {
    const p = paramsByName("ci");
    const ch = newChallenge(p);
    const base = Buffer.from(deriveSeed(ch)).toString("hex");
    const variants = [
      { ...ch, challengeId: ch.challengeId + 1n },
      { ...ch, vNonce: Uint8Array.from(ch.vNonce, (b, i) => (i === 0 ? b ^ 1 : b)) },
      { ...ch, slotHash: Uint8Array.from(ch.slotHash, (b, i) => (i === 31 ? b ^ 1 : b)) },
      { ...ch, devicePda: Uint8Array.from(ch.devicePda, (b, i) => (i === 9 ? b ^ 1 : b)) },
    ];
    for (const v of variants) expect(Buffer.from(deriveSeed(v)).toString("hex")).to.not.equal(base);
  });
  it("device keys: 32-byte seed and 64-byte Solana secret key sign alike", () => {
    const seed = crypto.randomBytes(32);
    const a = signerFromSecret(seed);
    const b = signerFromSecret(concat(seed, a.publicKey));
    const msg = ascii("hello");
    expect(Buffer.from(a.sign(msg)).equals(Buffer.from(b.sign(msg)))).to.equal(true);
    expect(verifySignature(a.publicKey, msg, a.sign(msg))).to.equal(true);
    expect(verifySignature(a.publicKey, ascii("hellp"), a.sign(msg))).to.equal(false);
    expect(() => signerFromSecret(concat(seed, new Uint8Array(32)))).to.throw(/does not match/);
  });
  it("canonical JSON sorts keys, has no whitespace and refuses floats", () => {
    expect(canonicalJson({ b: [1, "x", null], a: { d: true, c: -0 } })).to.equal('{"a":{"c":0,"d":true},"b":[1,"x",null]}');
    expect(() => canonicalJson({ a: 1.5 })).to.throw();
    expect(() => canonicalJson({ a: undefined })).to.throw();
  });
  it("canonical JSON keeps __proto__ keys as ordinary members", () => {
    const v = JSON.parse('{"z":[1,{"__proto__":2,"b":"\\u00e9"}],"sig":"ab","a":null}');
    expect(canonicalJson(v)).to.equal('{"a":null,"sig":"ab","z":[1,{"__proto__":2,"b":"é"}]}');
  });
});

describe("parameter classes", () => {
  it("all classes are valid and GPU transcripts fill ~80% of the claimed VRAM", () => {
    for (const p of PARAM_CLASSES) {
      expect(() => checkParams(p)).to.not.throw();
      if (p.vramBytes > 0) expect(transcriptBytes(p) / p.vramBytes).to.be.within(0.75, 0.85);
    }
    expect(paramsForVram(80 * 2 ** 30).name).to.equal("H100-SXM-80G");
    expect(paramsForVram(24 * 2 ** 30).name).to.equal("RTX-4090-24G");
    expect(() => paramsForVram(16 * 2 ** 30)).to.throw();
    expect(() => checkParams({ ...paramsByName("ci"), n: 100 })).to.throw(/multiple of 64/);
    expect(() => checkParams({ ...paramsByName("ci"), chunkBytes: 32 })).to.throw(/chunkBytes/);
  });
  it("the walk's absorb makes the next address depend on every word of the chunk", () => {
    const s0 = Uint32Array.from([1, 2, 3, 4]);
    const chunk = new Uint8Array(64);
    const ref = s0.slice();
    absorb(ref, chunk);
    for (let b = 0; b < 64; b += 4) {
      const c = chunk.slice();
      c[b] ^= 1;
      const s = s0.slice();
      absorb(s, c);
      expect(s[0]).to.not.equal(ref[0]);
    }
  });
  it("seeded random is uniform enough and reproducible", () => {
    const a = seededRandom(new Uint8Array(32));
    const b = seededRandom(new Uint8Array(32));
    const counts = new Array(10).fill(0);
    for (let i = 0; i < 10000; i++) {
      const v = a(10);
      expect(v).to.equal(b(10));
      counts[v]++;
    }
    for (const c of counts) expect(c).to.be.within(850, 1150);
  });
});
