// Every golden vector of tests/golden/pool-math.json against the TypeScript math, zero difference,
// exactly as crates/pinfi-math/tests/golden.rs checks the Rust.
import * as fs from "fs";
import * as path from "path";
import { expect } from "chai";
import * as m from "../src/math";

type Json = any;
// Key order differs between the Python writer and this port; compare canonical JSON.
const canon = (v: Json) =>
  JSON.stringify(v, (_k, x) => (x && typeof x === "object" && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort()) : x));
const GOLDEN = path.resolve(__dirname, "../../../tests/golden/pool-math.json");
const n = (v: Json, key: string): bigint => {
  if (typeof v[key] !== "string") throw new Error(`${key} is not a string in ${JSON.stringify(v)}`);
  return BigInt(v[key]);
};

function errorName(e: unknown): string {
  if (e instanceof m.PoolMathError) return e.kind;
  throw e; // anything else is a bug in the port, not an expected outcome
}

function outcome(f: () => bigint | null): Json {
  try {
    const v = f();
    return { value: v === null ? null : v.toString() };
  } catch (e) {
    return { error: errorName(e) };
  }
}

function fields(f: () => Record<string, bigint>): Json {
  try {
    return Object.fromEntries(Object.entries(f()).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => "_" + c.toLowerCase()), v.toString()]));
  } catch (e) {
    return { error: errorName(e) };
  }
}

const FUNCTIONS: Record<string, (a: Json) => bigint> = {
  fee_ceil: (a) => m.feeCeil(n(a, "amount"), n(a, "bps")),
  hours_out_floor: (a) => m.hoursOutFloor(n(a, "u"), n(a, "h"), n(a, "tokens_in")),
  tokens_in_for_hours_ceil: (a) => m.tokensInForHoursCeil(n(a, "u"), n(a, "h"), n(a, "hours_out")),
  gross_for_net_ceil: (a) => m.grossForNetCeil(n(a, "net"), n(a, "bps")),
  tokens_out_floor: (a) => m.tokensOutFloor(n(a, "u"), n(a, "h"), n(a, "hours_in")),
  equal_value_tokens_ceil: (a) => m.equalValueTokensCeil(n(a, "u"), n(a, "h"), n(a, "hours_in"), n(a, "reference_price_per_hour")),
  lp_shares_floor: (a) => m.lpSharesFloor(n(a, "lp_supply"), n(a, "u"), n(a, "tokens_in")),
  lp_payout_floor: (a) => m.lpPayoutFloor(n(a, "shares"), n(a, "lp_supply"), n(a, "u")),
  per_hour_charge_ceil: (a) => m.perHourChargeCeil(n(a, "per_hour"), n(a, "secs")),
  collateral_ceil: (a) => m.collateralCeil(n(a, "proceeds"), n(a, "multiple_bps")),
  balance_floor: (a) => m.balanceFloor(n(a, "rate"), n(a, "end"), n(a, "now")),
  rate_floor: (a) => m.rateFloor(n(a, "amount"), n(a, "end"), n(a, "now")),
  rate_ceil: (a) => m.rateCeil(n(a, "amount"), n(a, "end"), n(a, "now")),
  withdraw: (a) => m.withdraw(n(a, "rate"), n(a, "end"), n(a, "now"), n(a, "amount")),
  align_down: (a) => m.alignDown(n(a, "t"), n(a, "b")),
  align_up: (a) => m.alignUp(n(a, "t"), n(a, "b")),
};

function reserveState(r: m.Reserve, slots: bigint[]): Json {
  const ring: Json = {};
  slots.forEach((s, i) => s !== 0n && (ring[String(i)] = s.toString()));
  return { rate_sum: r.rateSum.toString(), rate_end_sum: r.rateEndSum.toString(), scale: r.scale.toString(), cursor: r.cursor.toString(), slots: ring };
}

function poolState(c: m.PoolCore, slots: bigint[]): Json {
  return {
    utility_reserve: c.utilityReserve.toString(),
    lp_supply: c.lpSupply.toString(),
    escrow_total: c.escrowTotal.toString(),
    collateral_total: c.collateralTotal.toString(),
    reserve: reserveState(c.reserve, slots),
  };
}

function reserveStep(r: m.Reserve, slots: bigint[], s: Json): Json {
  const now = n(s, "now");
  switch (s.op) {
    case "add_lot": return outcome(() => r.addLot(slots, now, n(s, "end"), n(s, "rate")));
    case "remove_pro_rata": return outcome(() => r.removeProRata(slots, now, n(s, "amount")));
    case "hours_at": return outcome(() => r.hoursAt(slots, now));
    case "advance": return outcome(() => (r.advance(slots, now), null));
    case "renormalize": return outcome(() => (r.renormalize(slots, now), null));
  }
  throw new Error(`unknown reserve step ${s.op}`);
}

function poolStep(c: m.PoolCore, slots: bigint[], p: m.CurveParams, s: Json): Json {
  const now = n(s, "now");
  switch (s.op) {
    case "add_liquidity": return fields(() => ({ ...c.addLiquidity(slots, p, now, n(s, "end"), n(s, "hours")) }));
    case "sell_hours": return fields(() => ({ ...c.sellHours(slots, p, now, n(s, "end"), n(s, "hours")) }));
    case "buy_hours": return fields(() => ({ ...c.buyHours(slots, p, now, n(s, "tokens_in")) }));
    case "quote_buy_exact_out": return fields(() => ({ tokensIn: c.quoteBuyExactOut(slots, p, now, n(s, "hours_out")) }));
    case "remove_liquidity": return fields(() => ({ payout: c.removeLiquidity(n(s, "shares")) }));
    case "lock_escrow": return fields(() => (c.lockEscrow(n(s, "amount")), {}));
    case "release_seller": return fields(() => (c.releaseSeller(n(s, "escrow"), n(s, "collateral")), {}));
  }
  throw new Error(`unknown pool step ${s.op}`);
}

/** A failing step is rolled back, as a failed transaction is on chain. */
function scenario<S extends { clone(): S }>(
  input: Json,
  state: S,
  step: (st: S, slots: bigint[], s: Json) => Json,
  hours: (st: S, slots: bigint[], t: bigint) => bigint,
  dump: (st: S, slots: bigint[]) => Json,
): Json {
  let slots = m.emptySlots();
  const steps = input.steps.map((s: Json) => {
    const saved = { state: state.clone(), slots: [...slots] };
    const result = step(state, slots, s);
    if ("error" in result) ({ state, slots } = saved);
    return { result, hours_at: hours(state, slots, n(s, "now")).toString(), state: dump(state, slots) };
  });
  return { steps };
}

function run(c: Json): Json {
  const f = FUNCTIONS[c.op];
  if (f) return outcome(() => f(c.input));
  let reserve: m.Reserve;
  try {
    reserve = m.Reserve.create(n(c.input, "bucket_secs"), n(c.input, "start"));
  } catch (e) {
    return { error: errorName(e) };
  }
  if (c.op === "reserve") return scenario(c.input, reserve, reserveStep, (r, s, t) => r.hoursAt(s, t), reserveState);
  if (c.op === "pool") {
    const q = c.input.params;
    const p = { feeBps: n(q, "fee_bps"), collateralBps: n(q, "collateral_bps"), referencePrice: n(q, "reference_price") };
    return scenario(c.input, m.PoolCore.empty(reserve), (core, s, v) => poolStep(core, s, p, v), (core, s, t) => core.hoursAt(s, t), poolState);
  }
  throw new Error(`unknown op ${c.op}`);
}

describe("golden vectors (tests/golden/pool-math.json)", () => {
  const cases: Json[] = JSON.parse(fs.readFileSync(GOLDEN, "utf8"));

  it("has the full set of cases", () => {
    expect(cases.length).to.be.greaterThan(250);
  });

  it("every case matches the TypeScript math with zero difference", () => {
    const failures = cases
      .map((c) => ({ c, got: run(c) }))
      .filter(({ c, got }) => canon(got) !== canon(c.expected))
      .map(({ c, got }) => `${c.name}\n  expected ${JSON.stringify(c.expected)}\n  got      ${JSON.stringify(got)}`);
    expect(failures, `${failures.length} of ${cases.length} golden cases differ:\n${failures.slice(0, 5).join("\n")}`).to.deep.equal([]);
  });

  const ops = new Set(cases.map((c) => c.op));
  for (const op of ops) {
    it(`${op}: ${cases.filter((c) => c.op === op).length} cases`, () => {
      for (const c of cases.filter((k) => k.op === op)) expect(run(c), c.name).to.deep.equal(c.expected);
    });
  }
});
