#!/usr/bin/env bash
# Prepared check for a machine with an NVIDIA GPU and nvcc (CUDA ≥ 12). The development and CI
# machines have neither, so this has not been run there; run it when a GPU machine is lent.
#
#   bash packages/verifier/scripts/gpu-check.sh [--full]
#   bash packages/verifier/scripts/gpu-check.sh --dry-run   (no GPU: the same steps on the host
#                                                            build, small sizes, no throughput)
#
# 1. builds cuda/prover.cu with nvcc (and the host build), runs the self-test and prints the device;
# 2. bit-identity: runs the CUDA prover on the shared vectors (test/vectors/*.json, produced by the
#    TypeScript reference) with both GEMM kernels and compares R, R2 and the SHA-256 of the whole
#    transcript and of the walkers' final states; compares the WMMA kernel with the scalar one on
#    larger random inputs;
# 3. int8 throughput of the WMMA kernel at m = n = k = 8192 and 16384, against the card's dense
#    INT8 spec;
# 4. with --full, and enough memory: one whole challenge of the H100-SXM-80G class, per phase, and
#    the verifier ÷ prover ratio with a measured GPU proof time.
# Needs only bash, grep, sed and awk besides the CUDA toolkit (no Node on the GPU machine).
set -euo pipefail
cd "$(dirname "$0")/.."
FULL=0
DRY=0
[ "${1:-}" = "--full" ] && FULL=1
[ "${1:-}" = "--dry-run" ] && DRY=1
fail=0
say() { printf '%s\n' "$*"; }
# field FILE KEY: first "KEY": value in a vector file; jget JSON KEY: the same in a one-line reply.
field() { { grep -m1 -o "\"$2\": *\"\?[0-9a-fA-F]*\"\?" "$1" || true; } | sed 's/.*: *"\{0,1\}\([0-9a-fA-F]*\)"\{0,1\}/\1/'; }
jget() { { printf '%s' "$1" | grep -o "\"$2\":\"\?[^,\"}]*" || true; } | head -1 | sed 's/.*:"\{0,1\}//'; }

say "== build"
if [ $DRY = 1 ]; then
  make -s -C cuda host
  BIN=cuda/build/poc-prover-host
else
  NVCC_BIN="${NVCC:-$(command -v nvcc || echo /usr/local/cuda/bin/nvcc)}"
  [ -x "$NVCC_BIN" ] || { echo "nvcc not found (set NVCC=/path/to/nvcc); nothing to check"; exit 2; }
  make -s -C cuda NVCC="$NVCC_BIN" all host
  BIN=cuda/build/poc-prover
fi
say "$("$BIN" selftest)"
INFO="$("$BIN" info)" || { say "no usable CUDA device: see above"; exit 3; }
say "$INFO"
DEVICE="$(jget "$INFO" device)"

say "== bit-identity on the shared vectors"
for f in test/vectors/*.json; do
  args=(--n "$(field "$f" n)" --m "$(field "$f" m)" --L "$(field "$f" L)" --walkers "$(field "$f" walkers)" --steps "$(field "$f" steps)"
        --seed "$(field "$f" seed)" --vnonce "$(field "$f" vNonce)" --digest)
  for kernel in wmma scalar; do
    out="$("$BIN" prove "${args[@]}" --gemm "$kernel")"
    ok=1
    for k in R R2 transcriptSha256 finalsSha256; do
      [ "$(jget "$out" "$k")" = "$(field "$f" "$k")" ] || { ok=0; say "  MISMATCH $k"; }
    done
    host="$(cuda/build/poc-prover-host prove "${args[@]}")"
    [ "$(jget "$host" R)" = "$(field "$f" R)" ] || { ok=0; say "  host build MISMATCH R"; }
    say "  $(basename "$f") gemm=$(jget "$out" gemm) (asked $kernel): $([ $ok = 1 ] && echo identical || echo DIFFERENT)"
    [ $ok = 1 ] || fail=1
  done
done
sizes=("256 512" "1024 1024" "4096 4096")
[ $DRY = 1 ] && sizes=("64 128")
for size in "${sizes[@]}"; do
  set -- $size
  out="$("$BIN" check-gemm --m "$1" --n "$2")" || fail=1
  say "  WMMA vs scalar kernel, m=$1 n=k=$2: $(jget "$out" mismatches) mismatching bytes"
done

if [ $DRY = 1 ]; then
  [ $fail = 0 ] && say "== gpu-check --dry-run: OK (host build; throughput needs a GPU)" || { say "== gpu-check --dry-run: FAILED"; exit 1; }
  exit 0
fi

say "== int8 throughput (own WMMA kernel, requantisation fused)"
# Dense INT8 tensor-core spec, TOPS (design doc §4.1; A100/L40S/5090 not re-verified there).
spec=0
case "$DEVICE" in
  *H100*PCIe*) spec=1513 ;;
  *H100*|*H200*) spec=1979 ;;
  *A100*) spec=624 ;;
  *4090*) spec=660.6 ;;
esac
for n in 8192 16384; do
  out="$("$BIN" bench-gemm --m "$n" --n "$n" --iters 5)"
  tops="$(jget "$out" tops)"
  if [ "$spec" != 0 ]; then
    pct="$(awk -v a="$tops" -v b="$spec" 'BEGIN{printf "%.1f", 100*a/b}')"
    say "  m=n=k=$n: $tops TOPS = $pct % of $spec TOPS dense INT8 spec ($DEVICE), $(jget "$out" msPerGemm) ms per GEMM"
  else
    say "  m=n=k=$n: $tops TOPS ($DEVICE: no spec figure in the table)"
  fi
done

if [ $FULL = 1 ]; then
  say "== one whole H100-SXM-80G challenge (n=16384 m=16384 L=256, 64 GiB transcript, 2^24 walkers × 64)"
  mem="$(jget "$INFO" memBytes)"
  if [ "${mem:-0}" -lt $((72 * 1024 * 1024 * 1024)) ]; then
    say "  skipped: the device has $mem bytes, the class needs ~65 GiB + work buffers"
  else
    seed=$(printf 'ab%.0s' {1..32}); nonce=$(printf 'cd%.0s' {1..32})
    out="$("$BIN" prove --n 16384 --m 16384 --L 256 --walkers 16777216 --steps 64 --seed "$seed" --vnonce "$nonce")"
    say "  $out"
    say "  (deadline in the class table: 2900 ms, an estimate; phases are in ms)"
    # The verifier's side is measured without a GPU (npm run -w @pinfi/verifier bench: native core,
    # CPU of both processes); VERIFY_MS overrides the BENCHMARKS.md figure.
    total="$(jget "$out" total)"
    verify_ms="${VERIFY_MS:-17}"
    say "  verifier ÷ prover: $verify_ms ms / $total ms = $(awk -v a="$verify_ms" -v b="$total" 'BEGIN{printf "%.2f", 100*a/b}') % (goal ≤ 1 %)"
  fi
fi

[ $fail = 0 ] && say "== gpu-check: OK" || { say "== gpu-check: FAILED"; exit 1; }
