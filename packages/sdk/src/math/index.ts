// Bigint port of crates/pinfi-math: same rounding, same checked widths, same errors, checked
// against tests/golden/pool-math.json with zero difference. Where Rust uses plain `i64`
// arithmetic (bucket alignment, `end - now`), the program panics on overflow (overflow-checks);
// here that is a `MathError` too.
export * from "./units";
export * from "./errors";
export * as checked from "./checked";
export * from "./fixed";
export * from "./curve";
export * from "./decay";
export * from "./reserve";
export * from "./pool";
export * as pocps from "./pocps";
export * from "./emission";
