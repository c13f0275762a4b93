// Items 8–14 of protocol-notes §9.2: LooPIN's published parameters, run through the same pool
// math and the reward rules of model/rewards.ts.
import { math } from "@pinfi/sdk";
import { Check, fmt, within } from "./check";
import { SNAPSHOT } from "../digitised";
import { E2E_POOL, PoolSetup, SimPool } from "../model/pool";
import { applyMultiplier, cumulativeEmission, dailyEmission, MAX_SUPPLY, poL, poT, poW, split } from "../model/rewards";
import { HOUR, TOKEN, toBase } from "../units";

const NOW = 1_700_002_800n;
const DAY = 24n * HOUR;

/** A pool holding `machines` fresh one-cohort LP stakes of `hours` each, at `price` tokens per hour. */
function freshPool(machines: bigint, hours: bigint, price: number, setup: Partial<PoolSetup> = {}): SimPool {
  const pool = SimPool.create({ ...E2E_POOL, referencePrice: toBase(price, TOKEN), maxStakeSecs: 7n * DAY, ...setup }, NOW);
  pool.addLiquidity(pool.openStake("lp", NOW, NOW + hours * HOUR, machines), NOW);
  return pool;
}

/** 8. Relative price impact of the same buy in a 24 h-deep and a 168 h-deep pool. */
function depthCheck(): Check {
  const impact = (hours: bigint) => {
    const p = freshPool(10n, hours, 1);
    const before = p.priceAt(NOW);
    p.core.buyHours(p.slots, p.curve, NOW, p.quoteBuyExactOut(24n * HOUR / 10n, NOW)); // 1 % of the 24 h pool
    return p.priceAt(NOW) / before - 1;
  };
  const r = impact(168n) / impact(24n);
  return {
    id: "8", item: 8, title: "depth 24 h → 168 h per machine: price impact ×", target: "0.14", measured: fmt(r), tolerance: "±0.01",
    pass: within(r, 0.14, 0.01), note: "constant product: impact ∝ 1/depth, 1/7 = 0.143",
  };
}

/** 9. Share of a thin (24 h) pool's depth sold to move the price 1.3 → 0.9 LOOPIN/h. */
function testnetRangeCheck(): Check {
  const pool = freshPool(10n, 24n, 1.3);
  const h0 = pool.hoursAt(NOW);
  const target = toBase(0.9, TOKEN);
  const priceAfter = (h: bigint) => {
    const p = pool.clone();
    p.sellHours(p.openStake("seller", NOW, NOW + DAY, 10n), h, NOW);
    return (p.core.utilityReserve * HOUR) / p.hoursAt(NOW);
  };
  let [lo, hi] = [1n, 10n * DAY];
  while (hi - lo > 1n) {
    const mid = (lo + hi) / 2n;
    if (priceAfter(mid) <= target) hi = mid;
    else lo = mid;
  }
  const share = Number(hi) / Number(h0);
  const closed = Math.sqrt(1.3 / 0.9) - 1;
  return {
    id: "9", item: 9, title: "1.3 → 0.9 in a day (thin pool): hours sold ÷ depth", target: fmt(closed, 4), measured: fmt(share, 4),
    tolerance: "±0.005", pass: within(share, closed, 0.005),
    note: `≈ one 24 h lot per ${fmt(1 / share, 1)} machines staked; plausible for testnet, not a reproduction of the trades`,
  };
}

/** 10. The published lot sizes are valid windows of a pool with 1 h buckets and a 7 d maximum. */
function lotSizeCheck(): Check {
  const pool = freshPool(1n, 24n, 1);
  const ok = (hours: bigint) => {
    try {
      pool.checkEnd(NOW + hours * HOUR, NOW, E2E_POOL.minStakeSecs);
      return true;
    } catch {
      return false;
    }
  };
  const testnet = Array.from({ length: 24 }, (_, i) => BigInt(i + 1)).every(ok);
  const mainnet = Array.from({ length: 7 }, (_, i) => BigInt(24 * (i + 1))).every(ok);
  const rest = ok(2n) && ok(24n) && ok(168n) && !ok(192n);
  const ring = 168n <= BigInt(math.BUCKETS - 2);
  return {
    id: "10", item: 10, title: "lots 1–24 h, 1–7 d, LP 24 h / 7 d, st-token 2 h are valid; 8 d is not", target: "all as published",
    measured: `testnet ${testnet}, mainnet ${mainnet}, LP/2 h/8 d ${rest}, ring ${ring}`, tolerance: "exact",
    pass: testnet && mainnet && rest && ring,
  };
}

/** 11. Collateral 1× (testnet) and 100× (mainnet) of the gross proceeds. */
function collateralCheck(): Check {
  const ratio = (bps: bigint) => {
    const p = freshPool(10n, 24n, 1, { collateralBps: bps });
    const sold = p.sellHours(p.openStake("seller", NOW, NOW + DAY), 3_600n, NOW);
    return Number(sold.collateral) / Number(sold.grossOut);
  };
  const [one, hundred] = [ratio(10_000n), ratio(1_000_000n)];
  return {
    id: "11", item: 11, title: "seller collateral ÷ gross proceeds", target: "1 and 100", measured: `${fmt(one, 4)} and ${fmt(hundred, 4)}`,
    tolerance: "rounded up, < 1 base unit", pass: within(one, 1, 1e-6) && within(hundred, 100, 1e-4),
  };
}

/** 12. Emission: 100 000 a day halving yearly from 2024-04-09, cap 73 M, 70/20/10. */
function emissionCheck(): Check {
  const day0 = dailyEmission(0);
  const year1 = cumulativeEmission(365);
  const forty = cumulativeEmission(40 * 365);
  const s = split(day0);
  const tokens = (v: bigint) => Number(v / TOKEN);
  const pass =
    day0 === 100_000n * TOKEN && dailyEmission(365) === 50_000n * TOKEN && year1 === 36_500_000n * TOKEN &&
    forty <= MAX_SUPPLY && Number(MAX_SUPPLY - forty) / Number(MAX_SUPPLY) < 1e-6 &&
    s.miners === 70_000n * TOKEN && s.foundation === 20_000n * TOKEN && s.team === 10_000n * TOKEN;
  return {
    id: "12", item: 12, title: "emission: day 0, day 365, year 1, 40 years; split of day 0", target: "100 000; 50 000; 36.5 M; → 73 M; 70/20/10",
    measured: `${tokens(day0)}; ${tokens(dailyEmission(365))}; ${tokens(year1)}; ${fmt(Number(forty) / 1e12, 6)} M; ${tokens(s.miners)}/${tokens(s.foundation)}/${tokens(s.team)}`,
    tolerance: "exact; cap within 1e-6", pass,
  };
}

/** 13. PoCPS multipliers at the published reference points. */
function multiplierCheck(): Check[] {
  const rows: [string, number, number][] = [
    ["PoT(0 d)", poT(0), 0.1],
    ["PoT(15 d)", poT(15), 0.316],
    ["PoT(30 d)", poT(30), 1],
    ["PoL(sold 10 %)", poL(0.9), 0.481],
    ["PoL(sold 31.4 %)", poL(0.686), 0.1],
    ["PoL(sold 50 %)", poL(0.5), 0.0257],
    ["PoW(−10 %)", poW(0.9), 0.481],
  ];
  const std = toBase(157.41, TOKEN);
  const { actual, burned } = applyMultiplier(std, poL(0.9));
  return [
    ...rows.map(([name, m, t], k) => ({
      id: `13${"abcdefg"[k]}`, item: 13, title: name, target: String(t), measured: fmt(m, 4), tolerance: "±0.0005", pass: within(m, t, 0.0005),
    })),
    {
      id: "13h", item: 13, title: "burned = standard − actual (157.41 at PoL 0.481)", target: "sum exact", measured: `${fmt(Number(actual) / 1e6, 2)} + ${fmt(Number(burned) / 1e6, 2)}`,
      tolerance: "exact", pass: actual + burned === std && actual < std,
    },
  ];
}

/** 14. Docs snapshot: the standard daily reward is ≈ 39.37 × the hourly price in every pool. */
function snapshotCheck(): Check {
  const ratios = SNAPSHOT.map((s) => s.earn / s.price);
  const worst = Math.max(...ratios.map((r) => Math.abs(r / 39.37 - 1)));
  return {
    id: "14", item: 14, title: "daily reward ÷ hourly price, six pools", target: "39.37 (±2 %)",
    measured: `${fmt(Math.min(...ratios), 2)}–${fmt(Math.max(...ratios), 2)}`, tolerance: "±2 %", pass: worst <= 0.02,
    note: `y/x = γ/α = ${fmt(39.37 / 24, 2)} per staked hour: above f(x) everywhere, i.e. LP-only (no sellers) in both diagrams`,
  };
}

export const loopinChecks = (): Check[] => [depthCheck(), testnetRangeCheck(), lotSizeCheck(), collateralCheck(), emissionCheck(), ...multiplierCheck(), snapshotCheck()];
