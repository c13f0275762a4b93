// PoC-v1 primitives shared by the CUDA kernels and the host build (same source, same bits as the
// TypeScript reference in ../src): Philox4x32-10, the int8 stream, the Feistel permutation,
// requantisation, SHA-256 with the Merkle leaf/node prefixes, and the walk's absorb function.
#pragma once
#include <stdint.h>
#include <stddef.h>

#ifdef __CUDACC__
#define POC_HD __host__ __device__ __forceinline__
#else
#define POC_HD inline
#endif

namespace poc {

// ---- Philox4x32-10 (Random123 constants; key bumped before rounds 2..10) ----
POC_HD void mulhilo(uint32_t a, uint32_t b, uint32_t* hi, uint32_t* lo) {
  uint64_t p = (uint64_t)a * (uint64_t)b;
  *hi = (uint32_t)(p >> 32);
  *lo = (uint32_t)p;
}

POC_HD void philox(const uint32_t ctr[4], uint32_t k0, uint32_t k1, uint32_t out[4]) {
  uint32_t c0 = ctr[0], c1 = ctr[1], c2 = ctr[2], c3 = ctr[3];
  for (int r = 0; r < 10; r++) {
    if (r > 0) { k0 += 0x9E3779B9u; k1 += 0xBB67AE85u; }
    uint32_t hi0, lo0, hi1, lo1;
    mulhilo(0xD2511F53u, c0, &hi0, &lo0);
    mulhilo(0xCD9E8D57u, c2, &hi1, &lo1);
    uint32_t n0 = hi1 ^ c1 ^ k0, n2 = hi0 ^ c3 ^ k1;
    c0 = n0; c1 = lo1; c2 = n2; c3 = lo0;
  }
  out[0] = c0; out[1] = c1; out[2] = c2; out[3] = c3;
}

struct Key { uint32_t k0, k1; };

// The int8 stream: block b of a key holds elements 16b … 16b+15, little-endian bytes of the four words.
POC_HD void stream_block(Key key, uint64_t block, int8_t out[16]) {
  uint32_t ctr[4] = {(uint32_t)block, (uint32_t)(block >> 32), 0u, 0u};
  uint32_t w[4];
  philox(ctr, key.k0, key.k1, w);
  for (int b = 0; b < 16; b++) out[b] = (int8_t)(uint8_t)(w[b >> 2] >> ((b & 3) * 8));
}

// ---- Feistel permutation of 0..m−1 (4 rounds on 2h bits, cycle-walking) ----
struct Perm { uint32_t m, h, mask; Key key; };

POC_HD Perm perm_make(Key key, uint32_t m) {
  uint32_t bits = 2;
  while ((1ull << bits) < m) bits++;
  if (bits & 1) bits++;
  Perm p; p.m = m; p.h = bits / 2; p.mask = (1u << p.h) - 1u; p.key = key;
  return p;
}

POC_HD uint32_t perm_encrypt(const Perm& p, uint32_t x) {
  uint32_t l = x >> p.h, r = x & p.mask;
  for (uint32_t round = 0; round < 4; round++) {
    uint32_t ctr[4] = {r, round, 0u, 0u}, f[4];
    philox(ctr, p.key.k0, p.key.k1, f);
    uint32_t nl = r;
    r = (l ^ (f[0] & p.mask)) & p.mask;
    l = nl;
  }
  return (l << p.h) | r;
}

POC_HD uint32_t perm_apply(const Perm& p, uint32_t i) {
  uint32_t y = perm_encrypt(p, i);
  while (y >= p.m) y = perm_encrypt(p, y);
  return y;
}

// q(y) = (int8)((y >> 8) & 0xFF)
POC_HD int8_t requant(int32_t y) { return (int8_t)(uint8_t)(((uint32_t)y >> 8) & 0xFFu); }

// ---- SHA-256 (FIPS 180-4), streaming, usable per thread on the device ----
struct Sha256 { uint32_t s[8]; uint8_t buf[64]; uint32_t fill; uint64_t len; };

POC_HD uint32_t rotr(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

POC_HD void sha256_block(uint32_t s[8], const uint8_t* blk) {
  const uint32_t K[64] = {
    0x428a2f98u,0x71374491u,0xb5c0fbcfu,0xe9b5dba5u,0x3956c25bu,0x59f111f1u,0x923f82a4u,0xab1c5ed5u,
    0xd807aa98u,0x12835b01u,0x243185beu,0x550c7dc3u,0x72be5d74u,0x80deb1feu,0x9bdc06a7u,0xc19bf174u,
    0xe49b69c1u,0xefbe4786u,0x0fc19dc6u,0x240ca1ccu,0x2de92c6fu,0x4a7484aau,0x5cb0a9dcu,0x76f988dau,
    0x983e5152u,0xa831c66du,0xb00327c8u,0xbf597fc7u,0xc6e00bf3u,0xd5a79147u,0x06ca6351u,0x14292967u,
    0x27b70a85u,0x2e1b2138u,0x4d2c6dfcu,0x53380d13u,0x650a7354u,0x766a0abbu,0x81c2c92eu,0x92722c85u,
    0xa2bfe8a1u,0xa81a664bu,0xc24b8b70u,0xc76c51a3u,0xd192e819u,0xd6990624u,0xf40e3585u,0x106aa070u,
    0x19a4c116u,0x1e376c08u,0x2748774cu,0x34b0bcb5u,0x391c0cb3u,0x4ed8aa4au,0x5b9cca4fu,0x682e6ff3u,
    0x748f82eeu,0x78a5636fu,0x84c87814u,0x8cc70208u,0x90befffau,0xa4506cebu,0xbef9a3f7u,0xc67178f2u};
  uint32_t w[64];
  for (int i = 0; i < 16; i++)
    w[i] = ((uint32_t)blk[4 * i] << 24) | ((uint32_t)blk[4 * i + 1] << 16) | ((uint32_t)blk[4 * i + 2] << 8) | blk[4 * i + 3];
  for (int i = 16; i < 64; i++) {
    uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
    uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  uint32_t a = s[0], b = s[1], c = s[2], d = s[3], e = s[4], f = s[5], g = s[6], h = s[7];
  for (int i = 0; i < 64; i++) {
    uint32_t t1 = h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i];
    uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
    h = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
  }
  s[0] += a; s[1] += b; s[2] += c; s[3] += d; s[4] += e; s[5] += f; s[6] += g; s[7] += h;
}

POC_HD void sha256_init(Sha256& h) {
  const uint32_t iv[8] = {0x6a09e667u,0xbb67ae85u,0x3c6ef372u,0xa54ff53au,0x510e527fu,0x9b05688cu,0x1f83d9abu,0x5be0cd19u};
  for (int i = 0; i < 8; i++) h.s[i] = iv[i];
  h.fill = 0; h.len = 0;
}

POC_HD void sha256_update(Sha256& h, const uint8_t* p, size_t n) {
  h.len += n;
  while (n > 0) {
    if (h.fill == 0 && n >= 64) { sha256_block(h.s, p); p += 64; n -= 64; continue; }
    size_t take = 64 - h.fill; if (take > n) take = n;
    for (size_t i = 0; i < take; i++) h.buf[h.fill + i] = p[i];
    h.fill += (uint32_t)take; p += take; n -= take;
    if (h.fill == 64) { sha256_block(h.s, h.buf); h.fill = 0; }
  }
}

POC_HD void sha256_final(Sha256& h, uint8_t out[32]) {
  uint64_t bits = h.len * 8;
  uint8_t pad = 0x80;
  sha256_update(h, &pad, 1);
  uint8_t zero = 0;
  while (h.fill != 56) sha256_update(h, &zero, 1);
  uint8_t L[8];
  for (int i = 0; i < 8; i++) L[i] = (uint8_t)(bits >> (56 - 8 * i));
  sha256_update(h, L, 8);
  for (int i = 0; i < 8; i++) {
    out[4 * i] = (uint8_t)(h.s[i] >> 24); out[4 * i + 1] = (uint8_t)(h.s[i] >> 16);
    out[4 * i + 2] = (uint8_t)(h.s[i] >> 8); out[4 * i + 3] = (uint8_t)h.s[i];
  }
}

// Merkle: leaf = H(0x00 ‖ data), node = H(0x01 ‖ left ‖ right).
POC_HD void leaf_hash(const uint8_t* data, size_t n, uint8_t out[32]) {
  Sha256 h; sha256_init(h);
  uint8_t pre = 0x00; sha256_update(h, &pre, 1);
  sha256_update(h, data, n);
  sha256_final(h, out);
}

POC_HD void node_hash(const uint8_t* l, const uint8_t* r, uint8_t out[32]) {
  Sha256 h; sha256_init(h);
  uint8_t pre = 0x01; sha256_update(h, &pre, 1);
  sha256_update(h, l, 32); sha256_update(h, r, 32);
  sha256_final(h, out);
}

// Row node: root of the perfect 16-leaf subtree over the row's chunks.
POC_HD void row_node(const uint8_t* row, uint32_t chunk_bytes, uint8_t out[32]) {
  uint8_t lv[16][32];
  for (int c = 0; c < 16; c++) leaf_hash(row + (size_t)c * chunk_bytes, chunk_bytes, lv[c]);
  for (int n = 16; n > 1; n /= 2)
    for (int i = 0; i < n / 2; i++) node_hash(lv[2 * i], lv[2 * i + 1], lv[i]);
  for (int i = 0; i < 32; i++) out[i] = lv[0][i];
}

// ---- Phase B walk ----
POC_HD Key key_of(const uint8_t* b) {
  Key k;
  k.k0 = (uint32_t)b[0] | ((uint32_t)b[1] << 8) | ((uint32_t)b[2] << 16) | ((uint32_t)b[3] << 24);
  k.k1 = (uint32_t)b[4] | ((uint32_t)b[5] << 8) | ((uint32_t)b[6] << 16) | ((uint32_t)b[7] << 24);
  return k;
}

POC_HD void walker_init(Key wkey, uint32_t w, uint32_t s[4]) {
  uint32_t ctr[4] = {w, 0u, 0u, 0u};
  philox(ctr, wkey.k0, wkey.k1, s);
}

POC_HD uint32_t fold(uint32_t a, uint32_t d, uint32_t x) {
  return (a ^ x) * 0x9E3779B1u + ((d << 17) | (d >> 15));
}

// F(s, chunk): one lane per LE word, lanes rotate; four finishing rounds with x = 0x7F4A7C15.
POC_HD void absorb(uint32_t s[4], const uint8_t* chunk, uint32_t len) {
  uint32_t a = s[0], b = s[1], c = s[2], d = s[3];
  for (uint32_t o = 0; o < len + 16; o += 4) {
    uint32_t x = o < len ? ((uint32_t)chunk[o] | ((uint32_t)chunk[o + 1] << 8) | ((uint32_t)chunk[o + 2] << 16) |
                            ((uint32_t)chunk[o + 3] << 24))
                         : 0x7F4A7C15u;
    uint32_t na = fold(a, d, x);
    a = b; b = c; c = d; d = na;
  }
  s[0] = a; s[1] = b; s[2] = c; s[3] = d;
}

}  // namespace poc
