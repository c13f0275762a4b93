#!/usr/bin/env node
// bigint-buffer (under @solana/spl-token) warns on stderr when its native binding is absent; the
// pure-JS fallback is what we want, and errors must stay one line.
const warn = console.warn;
console.warn = (...a: unknown[]) => {
  if (typeof a[0] === "string" && a[0].startsWith("bigint: Failed to load bindings")) return;
  warn(...a);
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { main } = require("./cli") as typeof import("./cli");

main().then(
  (code) => {
    process.exitCode = code;
    // web3.js may keep sockets open; the command is done.
    setImmediate(() => process.exit(code));
  },
  (e) => {
    process.stderr.write(`error: ${(e as Error).message}\n`);
    process.exit(1);
  },
);
