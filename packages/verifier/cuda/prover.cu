// poc-prover: the project's PoC-v1 prover. One source, two builds:
//   nvcc  → build/poc-prover       (kernels on the GPU; GEMM on tensor cores via WMMA int8)
//   c++   → build/poc-prover-host  (the same item functions in host loops; checks the shared code
//                                   against the TypeScript reference where no GPU exists)
// Every output element is computed by an item function from poc_core.h, so both builds and the
// TypeScript reference produce the same bits by construction; only the WMMA GEMM kernel is
// GPU-specific, and `check-gemm` compares it with the scalar item function on the device.
//
// Commands (one JSON line on stdout; errors on stderr, non-zero exit):
//   info
//   selftest
//   prove --n N --m M --L L --walkers W --steps S --seed HEX32 --vnonce HEX32 [--digest] [--serve] [--gemm wmma|scalar]
//
// --serve keeps the transcript and both trees where they were built (GPU memory in the CUDA build)
// after the result line and answers opening requests on stdin, one line each (hex, no spaces inside):
//   row T I    → "<X_T[I], n bytes> <its path in R, bottom-up, 32 bytes per sibling>"   T ∈ [1, L]
//   walker W   → "<final, 16 bytes> <its path in R2>" then per step " <address>:<chunk>:<chunk path>",
//                the chunk path being its 4 siblings inside the row, then the row's path in R
//   quit (or end of input) frees everything and exits 0; a bad request gets "error <why>".
//   bench-gemm --m M --n N [--iters I] [--gemm wmma|scalar]
//   check-gemm --m M --n N
#include "poc_core.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#ifdef __CUDACC__
#include <cuda_runtime.h>
#include <mma.h>
#define ITEM [=] __host__ __device__
static void ck(cudaError_t e, const char* what, int line) {
  if (e != cudaSuccess) {
    fprintf(stderr, "CUDA error at line %d (%s): %s\n", line, what, cudaGetErrorString(e));
    exit(4);
  }
}
#define CK(x) ck((x), #x, __LINE__)
static const char* BACKEND = "cuda";
#else
#define ITEM [=]
static const char* BACKEND = "host";
#endif

using namespace poc;

// ---- memory and loops: device or host ----
#ifdef __CUDACC__
template <typename F> __global__ void each_kernel(uint64_t count, F f) {
  uint64_t i = (uint64_t)blockIdx.x * blockDim.x + threadIdx.x;
  if (i < count) f(i);
}
template <typename F> static void each(uint64_t count, F f) {
  if (count == 0) return;
  each_kernel<<<(unsigned)((count + 255) / 256), 256>>>(count, f);
  CK(cudaGetLastError());
}
template <typename T> static T* dalloc(size_t count) {
  T* p = nullptr;
  CK(cudaMalloc(&p, count * sizeof(T) + 64));
  return p;
}
static void dfree(void* p) { CK(cudaFree(p)); }
static void d2h(void* dst, const void* src, size_t n) { CK(cudaMemcpy(dst, src, n, cudaMemcpyDeviceToHost)); }
static void dsync() { CK(cudaDeviceSynchronize()); }
#else
template <typename F> static void each(uint64_t count, F f) {
  for (uint64_t i = 0; i < count; i++) f(i);
}
template <typename T> static T* dalloc(size_t count) {
  T* p = (T*)malloc(count * sizeof(T) + 64);
  if (!p) { fprintf(stderr, "out of host memory\n"); exit(4); }
  return p;
}
static void dfree(void* p) { free(p); }
static void d2h(void* dst, const void* src, size_t n) { memcpy(dst, src, n); }
static void dsync() {}
#endif

static double now_ms() {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// ---- host helpers ----
static std::string hex(const uint8_t* b, size_t n) {
  static const char* d = "0123456789abcdef";
  std::string s;
  for (size_t i = 0; i < n; i++) { s += d[b[i] >> 4]; s += d[b[i] & 15]; }
  return s;
}
static bool unhex(const char* s, uint8_t* out, size_t n) {
  if (strlen(s) != 2 * n) return false;
  for (size_t i = 0; i < n; i++) {
    unsigned v;
    if (sscanf(s + 2 * i, "%2x", &v) != 1) return false;
    out[i] = (uint8_t)v;
  }
  return true;
}
static void sha256_host(const uint8_t* p, size_t n, uint8_t out[32]) {
  Sha256 h; sha256_init(h); sha256_update(h, p, n); sha256_final(h, out);
}
// key(l, t) = SHA-256(seed ‖ l ‖ u32 LE t), first 8 bytes as the Philox key.
static Key derive_key(const uint8_t seed[32], const char* label, uint32_t t) {
  Sha256 h; sha256_init(h);
  sha256_update(h, seed, 32);
  sha256_update(h, (const uint8_t*)label, strlen(label));
  uint8_t tb[4] = {(uint8_t)t, (uint8_t)(t >> 8), (uint8_t)(t >> 16), (uint8_t)(t >> 24)};
  sha256_update(h, tb, 4);
  uint8_t k[32]; sha256_final(h, k);
  return key_of(k);
}

// ---- stages ----
static void gen_stream(Key key, int8_t* out, uint64_t count) {  // count % 16 == 0
  each(count / 16, ITEM(uint64_t b) {
    int8_t v[16];
    stream_block(key, b, v);
    for (int i = 0; i < 16; i++) out[16 * b + i] = v[i];
  });
}

static void mix_rows(const int8_t* x, const uint32_t* pi, int8_t* out, uint32_t m, uint32_t n) {
  each((uint64_t)m * n, ITEM(uint64_t e) {
    uint64_t i = e / n, k = e % n;
    out[e] = (int8_t)(uint8_t)((uint8_t)x[e] + (uint8_t)x[(uint64_t)pi[i] * n + k]);
  });
}

// out = q(A · W), W given transposed: BT row j = column j. Scalar: one output per item.
static void gemm_scalar(const int8_t* A, const int8_t* BT, int8_t* out, uint32_t m, uint32_t n) {
  each((uint64_t)m * n, ITEM(uint64_t e) {
    uint64_t i = e / n, j = e % n;
    const int8_t* a = A + i * n;
    const int8_t* b = BT + j * n;
    int32_t s = 0;
    for (uint32_t k = 0; k < n; k++) s += (int32_t)a[k] * (int32_t)b[k];
    out[e] = requant(s);
  });
}

#ifdef __CUDACC__
// Tensor-core int8 GEMM with the requantisation fused: 64 × 64 output tile per block of four warps,
// each warp 32 × 32 (2 × 2 WMMA 16×16×16 tiles), K staged through shared memory 32 at a time.
// Needs m % 64 == 0 and n % 64 == 0. Correctness first: simple staging, no double buffering.
using namespace nvcuda;
__global__ void gemm_wmma_q(const int8_t* A, const int8_t* BT, int8_t* out, uint32_t m, uint32_t n) {
#if __CUDA_ARCH__ >= 720
  __shared__ __align__(32) signed char As[2][64][16];  // [k half][row][k]
  __shared__ __align__(32) signed char Bs[2][64][16];  // [k half][col][k]
  __shared__ __align__(32) int Cs[4][256];
  const int warp = threadIdx.x >> 5, lane = threadIdx.x & 31;
  const int wr = warp >> 1, wc = warp & 1;
  const uint64_t i0 = (uint64_t)blockIdx.y * 64, j0 = (uint64_t)blockIdx.x * 64;
  wmma::fragment<wmma::accumulator, 16, 16, 16, int> acc[2][2];
  for (int a = 0; a < 2; a++)
    for (int b = 0; b < 2; b++) wmma::fill_fragment(acc[a][b], 0);
  const int r = threadIdx.x >> 1, h = threadIdx.x & 1;
  for (uint32_t k0 = 0; k0 < n; k0 += 32) {
    *(int4*)&As[h][r][0] = *(const int4*)&A[(i0 + r) * n + k0 + h * 16];
    *(int4*)&Bs[h][r][0] = *(const int4*)&BT[(j0 + r) * n + k0 + h * 16];
    __syncthreads();
    for (int kh = 0; kh < 2; kh++) {
      wmma::fragment<wmma::matrix_a, 16, 16, 16, signed char, wmma::row_major> fa[2];
      wmma::fragment<wmma::matrix_b, 16, 16, 16, signed char, wmma::col_major> fb[2];
      for (int a = 0; a < 2; a++) wmma::load_matrix_sync(fa[a], &As[kh][wr * 32 + a * 16][0], 16);
      for (int b = 0; b < 2; b++) wmma::load_matrix_sync(fb[b], &Bs[kh][wc * 32 + b * 16][0], 16);
      for (int a = 0; a < 2; a++)
        for (int b = 0; b < 2; b++) wmma::mma_sync(acc[a][b], fa[a], fb[b], acc[a][b]);
    }
    __syncthreads();
  }
  for (int a = 0; a < 2; a++)
    for (int b = 0; b < 2; b++) {
      wmma::store_matrix_sync(Cs[warp], acc[a][b], 16, wmma::mem_row_major);
      __syncwarp();
      for (int e = lane; e < 256; e += 32) {
        const uint64_t row = i0 + wr * 32 + a * 16 + (e >> 4), col = j0 + wc * 32 + b * 16 + (e & 15);
        out[row * n + col] = requant(Cs[warp][e]);
      }
      __syncwarp();
    }
#endif
}
#endif

static bool use_wmma = true;

static const char* gemm(const int8_t* A, const int8_t* BT, int8_t* out, uint32_t m, uint32_t n) {
#ifdef __CUDACC__
  if (use_wmma && m % 64 == 0 && n % 64 == 0) {
    gemm_wmma_q<<<dim3(n / 64, m / 64), 128>>>(A, BT, out, m, n);
    CK(cudaGetLastError());
    return "wmma";
  }
#endif
  gemm_scalar(A, BT, out, m, n);
  return "scalar";
}

// Every level of a tree over `count` bottom hashes (device memory, 32 bytes each); lv[0] is the
// bottom, which the tree now owns. At a level with an odd count the last node pairs with itself.
struct Tree {
  std::vector<uint8_t*> lv;
  std::vector<uint64_t> n;
};

static Tree tree_build(uint8_t* bottom, uint64_t count) {
  Tree t;
  t.lv.push_back(bottom);
  t.n.push_back(count);
  while (count > 1) {
    const uint64_t parents = (count + 1) / 2, c = count;
    const uint8_t* lv = t.lv.back();
    uint8_t* dst = dalloc<uint8_t>(parents * 32);
    each(parents, ITEM(uint64_t p) {
      const uint8_t* l = lv + 64 * p;
      const uint8_t* r = (2 * p + 1 < c) ? l + 32 : l;
      node_hash(l, r, dst + 32 * p);
    });
    t.lv.push_back(dst);
    t.n.push_back(parents);
    count = parents;
  }
  dsync();
  return t;
}

static void tree_root(const Tree& t, uint8_t root[32]) { d2h(root, t.lv.back(), 32); }

static void tree_free(Tree& t) {
  for (uint8_t* p : t.lv) dfree(p);
  t.lv.clear();
  t.n.clear();
}

static std::string hex(const uint8_t* b, size_t n);

/** Sibling hashes of bottom node `idx`, bottom-up, as hex. */
static std::string tree_path_hex(const Tree& t, uint64_t idx) {
  std::string out;
  uint8_t sib[32];
  for (size_t l = 0; l + 1 < t.lv.size(); l++) {
    const uint64_t s = (idx ^ 1) < t.n[l] ? (idx ^ 1) : idx;
    d2h(sib, t.lv[l] + 32 * s, 32);
    out += hex(sib, 32);
    idx >>= 1;
  }
  return out;
}

struct Args {
  uint32_t n = 0, m = 0, L = 0, walkers = 0, steps = 0, iters = 5;
  uint8_t seed[32] = {0}, vnonce[32] = {0};
  bool have_seed = false, have_nonce = false, digest = false, serve = false;
};

static int fail(const char* msg) { fprintf(stderr, "%s\n", msg); return 2; }

// Answers opening requests from the retained transcript and trees (see the header for the lines).
static void serve(const Args& a, const int8_t* tr, const uint32_t* finals, const Tree& rtree, const Tree& wtree, Key wkey) {
  const uint32_t n = a.n, cb = n / 16;
  const uint64_t rows = (uint64_t)a.L * a.m, nchunks = rows * 16;
  std::vector<uint8_t> row(n), leaves(16 * 32), lvl(16 * 32), up(8 * 32);
  char line[256];
  while (fgets(line, sizeof line, stdin)) {
    unsigned long long x = 0, y = 0;
    if (sscanf(line, "row %llu %llu", &x, &y) == 2) {
      if (x < 1 || x > a.L || y >= a.m) { printf("error row out of range\n"); fflush(stdout); continue; }
      const uint64_t r = (x - 1) * a.m + y;
      d2h(row.data(), tr + r * n, n);
      printf("%s %s\n", hex(row.data(), n).c_str(), tree_path_hex(rtree, r).c_str());
    } else if (sscanf(line, "walker %llu", &x) == 1) {
      if (x >= a.walkers) { printf("error walker out of range\n"); fflush(stdout); continue; }
      uint32_t s[4];
      walker_init(wkey, (uint32_t)x, s);
      std::string steps;
      for (uint32_t st = 0; st < a.steps; st++) {
        const uint64_t addr = s[0] % nchunks, r = addr / 16;
        const uint32_t c = (uint32_t)(addr % 16);
        d2h(row.data(), tr + r * n, n);
        for (uint32_t q = 0; q < 16; q++) leaf_hash(row.data() + q * cb, cb, leaves.data() + 32 * q);
        // The chunk's 4 siblings inside its row's perfect 16-leaf subtree, then the row's path.
        std::string path = hex(leaves.data() + 32 * (c ^ 1), 32);
        memcpy(lvl.data(), leaves.data(), 16 * 32);
        uint32_t idx = c, count = 16;
        while (count > 2) {
          for (uint32_t p = 0; p < count / 2; p++) node_hash(lvl.data() + 64 * p, lvl.data() + 64 * p + 32, up.data() + 32 * p);
          count /= 2;
          idx >>= 1;
          memcpy(lvl.data(), up.data(), count * 32);
          path += hex(lvl.data() + 32 * (idx ^ 1), 32);
        }
        path += tree_path_hex(rtree, r);
        steps += " " + std::to_string(addr) + ":" + hex(row.data() + c * cb, cb) + ":" + path;
        absorb(s, row.data() + c * cb, cb);
      }
      uint32_t fin[4];
      d2h(fin, finals + 4 * x, 16);
      uint8_t b[16];
      for (int q = 0; q < 16; q++) b[q] = (uint8_t)(fin[q / 4] >> (8 * (q % 4)));
      printf("%s %s%s\n", hex(b, 16).c_str(), tree_path_hex(wtree, x).c_str(), steps.c_str());
    } else if (strncmp(line, "quit", 4) == 0) {
      break;
    } else {
      printf("error unknown request\n");
    }
    fflush(stdout);
  }
}

static int cmd_prove(const Args& a) {
  if (!a.n || !a.m || !a.L || !a.walkers || !a.steps || !a.have_seed || !a.have_nonce) return fail("prove: missing argument");
  if (a.n % 64 || a.m % 16 || a.m < 16) return fail("prove: n must be a multiple of 64, m of 16");
  const uint32_t n = a.n, m = a.m, L = a.L, cb = n / 16;
  const uint64_t rows = (uint64_t)L * m, step_bytes = (uint64_t)m * n, tbytes = rows * n, nchunks = rows * 16;
  if (nchunks > 0xFFFFFFFFull) return fail("prove: chunk count must fit in u32");
  const double t_start = now_ms();

  // Phase A
  int8_t* x0 = dalloc<int8_t>(step_bytes);
  int8_t* mixed = dalloc<int8_t>(step_bytes);
  int8_t* wt = dalloc<int8_t>((uint64_t)n * n);
  uint32_t* pi = dalloc<uint32_t>(m);
  int8_t* tr = dalloc<int8_t>(tbytes);
  gen_stream(derive_key(a.seed, "X0", 0), x0, step_bytes);
  const char* kernel = "scalar";
  for (uint32_t t = 0; t < L; t++) {
    gen_stream(derive_key(a.seed, "W", t), wt, (uint64_t)n * n);
    const Perm P = perm_make(derive_key(a.seed, "P", t), m);
    uint32_t* pid = pi;
    each(m, ITEM(uint64_t i) { pid[i] = perm_apply(P, (uint32_t)i); });
    const int8_t* x = t == 0 ? x0 : tr + (uint64_t)(t - 1) * step_bytes;
    mix_rows(x, pi, mixed, m, n);
    kernel = gemm(mixed, wt, tr + (uint64_t)t * step_bytes, m, n);
  }
  dsync();
  const double t_a = now_ms();
  dfree(x0); dfree(mixed); dfree(wt); dfree(pi);

  // Commit R: row nodes, then the tree above them.
  uint8_t* nodes = dalloc<uint8_t>(rows * 32);
  {
    const int8_t* trc = tr;
    each(rows, ITEM(uint64_t r) { row_node((const uint8_t*)trc + r * n, cb, nodes + 32 * r); });
  }
  Tree rtree = tree_build(nodes, rows);
  uint8_t R[32];
  tree_root(rtree, R);
  const double t_c = now_ms();

  // Phase B: wseed = SHA-256(R ‖ v_nonce).
  uint8_t rn[64], wseed[32];
  memcpy(rn, R, 32); memcpy(rn + 32, a.vnonce, 32);
  sha256_host(rn, 64, wseed);
  const Key wkey = key_of(wseed);
  uint32_t* finals = dalloc<uint32_t>((uint64_t)a.walkers * 4);
  {
    const uint8_t* trc = (const uint8_t*)tr;
    const uint32_t steps = a.steps;
    uint32_t* fin = finals;
    each(a.walkers, ITEM(uint64_t w) {
      uint32_t s[4];
      walker_init(wkey, (uint32_t)w, s);
      for (uint32_t st = 0; st < steps; st++) absorb(s, trc + (uint64_t)(s[0] % nchunks) * cb, cb);
      for (int q = 0; q < 4; q++) fin[4 * w + q] = s[q];
    });
  }
  dsync();
  const double t_b = now_ms();
  uint8_t* leaves = dalloc<uint8_t>((uint64_t)a.walkers * 32);
  {
    const uint32_t* fin = finals;
    each(a.walkers, ITEM(uint64_t w) {
      uint8_t b[16];
      for (int q = 0; q < 16; q++) b[q] = (uint8_t)(fin[4 * w + q / 4] >> (8 * (q % 4)));
      leaf_hash(b, 16, leaves + 32 * w);
    });
  }
  Tree wtree = tree_build(leaves, a.walkers);
  uint8_t R2[32];
  tree_root(wtree, R2);
  const double t_end = now_ms();

  std::string extra;
  if (a.digest) {
    std::vector<uint8_t> host(tbytes), fin((uint64_t)a.walkers * 16);
    d2h(host.data(), tr, tbytes);
    d2h(fin.data(), finals, fin.size());  // little-endian words on every supported target
    uint8_t d1[32], d2[32];
    sha256_host(host.data(), tbytes, d1);
    sha256_host(fin.data(), fin.size(), d2);
    extra = ",\"transcriptSha256\":\"" + hex(d1, 32) + "\",\"finalsSha256\":\"" + hex(d2, 32) + "\"";
  }
  printf("{\"backend\":\"%s\",\"gemm\":\"%s\",\"R\":\"%s\",\"R2\":\"%s\"%s,\"ms\":{\"phaseA\":%.3f,\"commit\":%.3f,"
         "\"phaseB\":%.3f,\"walkCommit\":%.3f,\"total\":%.3f}}\n",
         BACKEND, kernel, hex(R, 32).c_str(), hex(R2, 32).c_str(), extra.c_str(), t_a - t_start, t_c - t_a, t_b - t_c,
         t_end - t_b, t_end - t_start);
  fflush(stdout);
  if (a.serve) serve(a, tr, finals, rtree, wtree, wkey);
  tree_free(rtree); tree_free(wtree);
  dfree(tr); dfree(finals);
  return 0;
}

static void fill_inputs(int8_t* A, int8_t* BT, uint32_t m, uint32_t n) {
  const uint8_t zero[32] = {0};
  gen_stream(derive_key(zero, "X0", 0), A, (uint64_t)m * n);
  gen_stream(derive_key(zero, "W", 0), BT, (uint64_t)n * n);
}

static int cmd_bench_gemm(const Args& a) {
  if (!a.m || !a.n || a.n % 64 || a.m % 16) return fail("bench-gemm: --m (×16) and --n (×64) required");
  int8_t* A = dalloc<int8_t>((uint64_t)a.m * a.n);
  int8_t* BT = dalloc<int8_t>((uint64_t)a.n * a.n);
  int8_t* out = dalloc<int8_t>((uint64_t)a.m * a.n);
  fill_inputs(A, BT, a.m, a.n);
  const char* kernel = gemm(A, BT, out, a.m, a.n);  // warm-up
  dsync();
  const double t0 = now_ms();
  for (uint32_t i = 0; i < a.iters; i++) gemm(A, BT, out, a.m, a.n);
  dsync();
  const double ms = (now_ms() - t0) / a.iters;
  const double tops = 2.0 * a.m * (double)a.n * a.n / (ms * 1e-3) / 1e12;
  printf("{\"backend\":\"%s\",\"gemm\":\"%s\",\"m\":%u,\"n\":%u,\"msPerGemm\":%.3f,\"tops\":%.2f}\n", BACKEND, kernel, a.m, a.n,
         ms, tops);
  dfree(A); dfree(BT); dfree(out);
  return 0;
}

// Tensor-core kernel vs the scalar item function on the same inputs, byte for byte.
static int cmd_check_gemm(const Args& a) {
  if (!a.m || !a.n || a.n % 64 || a.m % 64) return fail("check-gemm: --m and --n multiples of 64 required");
  const uint64_t sz = (uint64_t)a.m * a.n;
  int8_t* A = dalloc<int8_t>(sz);
  int8_t* BT = dalloc<int8_t>((uint64_t)a.n * a.n);
  int8_t* o1 = dalloc<int8_t>(sz);
  int8_t* o2 = dalloc<int8_t>(sz);
  fill_inputs(A, BT, a.m, a.n);
  use_wmma = true;
  const char* k1 = gemm(A, BT, o1, a.m, a.n);
  gemm_scalar(A, BT, o2, a.m, a.n);
  dsync();
  std::vector<int8_t> h1(sz), h2(sz);
  d2h(h1.data(), o1, sz);
  d2h(h2.data(), o2, sz);
  uint64_t diff = 0;
  for (uint64_t i = 0; i < sz; i++) diff += h1[i] != h2[i];
  printf("{\"backend\":\"%s\",\"gemm\":\"%s\",\"m\":%u,\"n\":%u,\"mismatches\":%llu}\n", BACKEND, k1, a.m, a.n,
         (unsigned long long)diff);
  dfree(A); dfree(BT); dfree(o1); dfree(o2);
  return diff == 0 ? 0 : 1;
}

static int cmd_selftest() {
  struct { uint32_t ctr[4], key[2], want[4]; } kat[3] = {
    {{0, 0, 0, 0}, {0, 0}, {0x6627e8d5u, 0xe169c58du, 0xbc57ac4cu, 0x9b00dbd8u}},
    {{0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu}, {0xffffffffu, 0xffffffffu}, {0x408f276du, 0x41c83b0eu, 0xa20bc7c6u, 0x6d5451fdu}},
    {{0x243f6a88u, 0x85a308d3u, 0x13198a2eu, 0x03707344u}, {0xa4093822u, 0x299f31d0u}, {0xd16cfe09u, 0x94fdccebu, 0x5001e420u, 0x24126ea1u}},
  };
  int bad = 0;
  for (auto& k : kat) {
    uint32_t o[4];
    philox(k.ctr, k.key[0], k.key[1], o);
    for (int i = 0; i < 4; i++) bad += o[i] != k.want[i];
  }
  uint8_t d[32];
  sha256_host((const uint8_t*)"abc", 3, d);
  bad += hex(d, 32) != "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
  printf("{\"backend\":\"%s\",\"selftest\":\"%s\"}\n", BACKEND, bad ? "FAIL" : "ok");
  return bad ? 1 : 0;
}

// 0 when a CUDA device is usable; otherwise prints the one-line reason the wrapper shows and returns 3.
static int require_device() {
#ifdef __CUDACC__
  int count = 0;
  cudaError_t e = cudaGetDeviceCount(&count);
  if (e != cudaSuccess || count == 0) {
    fprintf(stderr, "no CUDA device: %s\n", e != cudaSuccess ? cudaGetErrorString(e) : "device count is 0");
    return 3;
  }
#endif
  return 0;
}

static int cmd_info() {
  if (int rc = require_device()) return rc;
#ifdef __CUDACC__
  cudaDeviceProp p;
  CK(cudaGetDeviceProperties(&p, 0));
  printf("{\"backend\":\"cuda\",\"device\":\"%s\",\"sm\":\"%d.%d\",\"memBytes\":%llu,\"sms\":%d}\n", p.name, p.major, p.minor,
         (unsigned long long)p.totalGlobalMem, p.multiProcessorCount);
#else
  printf("{\"backend\":\"host\"}\n");
#endif
  return 0;
}

int main(int argc, char** argv) {
  if (argc < 2) return fail("usage: poc-prover info|selftest|prove|bench-gemm|check-gemm [options]");
  const std::string cmd = argv[1];
  Args a;
  for (int i = 2; i < argc; i++) {
    const std::string k = argv[i];
    const char* v = i + 1 < argc ? argv[i + 1] : nullptr;
    auto num = [&](uint32_t& dst) { if (!v) exit(fail("missing value")); dst = (uint32_t)strtoul(v, nullptr, 10); i++; };
    if (k == "--n") num(a.n);
    else if (k == "--m") num(a.m);
    else if (k == "--L") num(a.L);
    else if (k == "--walkers") num(a.walkers);
    else if (k == "--steps") num(a.steps);
    else if (k == "--iters") num(a.iters);
    else if (k == "--seed") { if (!v || !unhex(v, a.seed, 32)) return fail("--seed: 64 hex digits"); a.have_seed = true; i++; }
    else if (k == "--vnonce") { if (!v || !unhex(v, a.vnonce, 32)) return fail("--vnonce: 64 hex digits"); a.have_nonce = true; i++; }
    else if (k == "--digest") a.digest = true;
    else if (k == "--serve") a.serve = true;
    else if (k == "--gemm") { if (!v) return fail("--gemm: wmma|scalar"); use_wmma = std::string(v) == "wmma"; i++; }
    else return fail(("unknown option " + k).c_str());
  }
  if (cmd == "info") return cmd_info();
  if (cmd == "selftest") return cmd_selftest();
  if (int rc = require_device()) return rc;
  if (cmd == "prove") return cmd_prove(a);
  if (cmd == "bench-gemm") return cmd_bench_gemm(a);
  if (cmd == "check-gemm") return cmd_check_gemm(a);
  return fail(("unknown command " + cmd).c_str());
}
