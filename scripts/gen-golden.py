#!/usr/bin/env python3
"""Golden vectors of the PinFi pool math, computed with Python integers.

Writes tests/golden/pool-math.json (format: tests/golden/README.md). This is a second,
independent implementation of crates/pinfi-math (curve.rs, decay.rs, reserve.rs, pool.rs): same
formulas, same rounding directions, same checked-arithmetic widths and the same order of checks,
so that errors match too. Deterministic: fixed seed, byte-identical output on every run.

    python3 scripts/gen-golden.py           # rewrite the file
    python3 scripts/gen-golden.py --check   # fail if the file differs from what this script writes
"""

import copy
import json
import random
import sys
from pathlib import Path

U64_MAX = 2**64 - 1
U128_MAX = 2**128 - 1
I64_MIN, I64_MAX = -(2**63), 2**63 - 1
RATE_ONE = 1 << 32
SCALE_ONE = 1 << 64
RENORMALIZE_BELOW = 1 << 48
UNITS = 1 << 96  # scale × Σ rate·secs back to GPU-seconds
BPS = 10_000
HOUR = 3_600
BUCKETS = 256
T0 = 1_700_000_000
SEED = 20240917


class Fail(Exception):
    """A Rust `Error` variant, by name."""

    def __init__(self, kind):
        super().__init__(kind)
        self.kind = kind


# Checked arithmetic: a result outside the Rust type's range is `Error::Math`.
def u64(v):
    if not 0 <= v <= U64_MAX:
        raise Fail("Math")
    return v


def u128(v):
    if not 0 <= v <= U128_MAX:
        raise Fail("Math")
    return v


def i64(v):
    if not I64_MIN <= v <= I64_MAX:
        raise Fail("Math")
    return v


def as_u128(t):
    """Rust `i64 as u128` (sign-extending)."""
    return t % 2**128


def mul_div_floor(a, b, d):
    if d == 0:
        raise Fail("Math")
    return u128(a * b // d)


def mul_div_ceil(a, b, d):
    if d == 0:
        raise Fail("Math")
    return u128(-(-(a * b) // d))


def div_ceil(a, d):
    if d == 0:
        raise Fail("Math")
    return -(-a // d)


# ---- curve.rs -------------------------------------------------------------------------------

def fee_ceil(amount, bps):
    return u64(mul_div_ceil(amount, bps, BPS))


def hours_out_floor(u, h, tokens_in):
    if u == 0 or h == 0:
        raise Fail("EmptyReserve")
    return u64(mul_div_floor(h, tokens_in, u + tokens_in))


def tokens_in_for_hours_ceil(u, h, hours_out):
    if u == 0 or h == 0:
        raise Fail("EmptyReserve")
    if hours_out >= h:
        raise Fail("InsufficientHours")
    return u64(mul_div_ceil(u, hours_out, h - hours_out))


def gross_for_net_ceil(net, bps):
    keep = u64(BPS - bps)
    if keep == 0:
        raise Fail("ZeroAmount")
    return u64(mul_div_ceil(net, BPS, keep))


def tokens_out_floor(u, h, hours_in):
    if u == 0 or h == 0:
        raise Fail("EmptyReserve")
    return u64(mul_div_floor(u, hours_in, h + hours_in))


def equal_value_tokens_ceil(u, h, hours_in, reference_price_per_hour):
    if u == 0 or h == 0:
        return u64(mul_div_ceil(hours_in, reference_price_per_hour, HOUR))
    return u64(mul_div_ceil(u, hours_in, h))


def lp_shares_floor(lp_supply, u, tokens_in):
    if lp_supply == 0 or u == 0:
        return tokens_in
    return u64(mul_div_floor(lp_supply, tokens_in, u))


def lp_payout_floor(shares, lp_supply, u):
    if shares > lp_supply:
        raise Fail("InsufficientHours")
    return u64(mul_div_floor(shares, u, lp_supply))


def per_hour_charge_ceil(per_hour, secs):
    return u64(div_ceil(u128(per_hour * secs), HOUR))


def collateral_ceil(proceeds, multiple_bps):
    return u64(mul_div_ceil(proceeds, multiple_bps, BPS))


def check_k_non_decreasing(u0, h0, u1, h1):
    if u1 * h1 < u0 * h0:
        raise Fail("InvariantViolated")


# ---- decay.rs -------------------------------------------------------------------------------

def remaining_secs(end, now):
    return 0 if now >= end else end - now


def balance_floor(rate, end, now):
    return u64(mul_div_floor(rate, remaining_secs(end, now), RATE_ONE))


def rate_floor(amount, end, now):
    secs = remaining_secs(end, now)
    if secs == 0:
        raise Fail("BadLotEnd")
    return mul_div_floor(amount, RATE_ONE, secs)


def rate_ceil(amount, end, now):
    secs = remaining_secs(end, now)
    if secs == 0:
        raise Fail("BadLotEnd")
    return mul_div_ceil(amount, RATE_ONE, secs)


def withdraw(rate, end, now, amount):
    if amount == 0:
        raise Fail("ZeroAmount")
    if amount > balance_floor(rate, end, now):
        raise Fail("InsufficientHours")
    return u128(rate - rate_ceil(amount, end, now))


# ---- reserve.rs -----------------------------------------------------------------------------

def align_down(t, b):
    return t - t % b  # Python's % is Euclidean for b > 0, like rem_euclid


def align_up(t, b):
    d = align_down(t, b)
    return t if d == t else d + b


class Reserve:
    def __init__(self, bucket_secs, now):
        if bucket_secs == 0:
            raise Fail("BadLotEnd")
        self.b = bucket_secs
        self.rate_sum = 0
        self.rate_end_sum = 0
        self.scale = SCALE_ONE
        self.cursor = align_down(now, bucket_secs)
        self.slots = [0] * BUCKETS

    def max_end(self, now):
        return i64(align_down(now, self.b) + i64(self.b * (BUCKETS - 1)))

    def slot(self, boundary):
        return (boundary // self.b) % BUCKETS

    def advance(self, now):
        target = align_down(now, self.b)
        if target <= self.cursor:
            return
        crossed = (target - self.cursor) // self.b
        if crossed >= BUCKETS:
            self.slots = [0] * BUCKETS
            self.rate_sum = self.rate_end_sum = 0
        else:
            boundary = self.cursor
            for _ in range(crossed):
                boundary = i64(boundary + self.b)
                i = self.slot(boundary)
                r, self.slots[i] = self.slots[i], 0
                self.rate_sum = u128(self.rate_sum - r)
                self.rate_end_sum = u128(self.rate_end_sum - u128(r * as_u128(boundary)))
        self.cursor = target
        if self.rate_sum == 0:
            if self.rate_end_sum != 0:
                raise Fail("Precision")
            self.scale = SCALE_ONE

    def hours_at(self, now):
        target = align_down(now, self.b)
        rate, rate_end = self.rate_sum, self.rate_end_sum
        if target > self.cursor:
            crossed = (target - self.cursor) // self.b
            if crossed >= BUCKETS:
                return 0
            boundary = self.cursor
            for _ in range(crossed):
                boundary = i64(boundary + self.b)
                r = self.slots[self.slot(boundary)]
                rate = u128(rate - r)
                rate_end = u128(rate_end - u128(r * as_u128(boundary)))
        weighted = u128(rate_end - u128(rate * max(now, 0)))
        return u64(mul_div_floor(weighted, self.scale, UNITS))

    def add_lot(self, now, end, rate):
        self.advance(now)
        if end <= now or end % self.b != 0 or end > self.max_end(now):
            raise Fail("BadLotEnd")
        before = self.hours_at(now)
        unscaled = mul_div_floor(rate, SCALE_ONE, self.scale)
        i = self.slot(end)
        self.slots[i] = u128(self.slots[i] + unscaled)
        self.rate_sum = u128(self.rate_sum + unscaled)
        self.rate_end_sum = u128(self.rate_end_sum + u128(unscaled * as_u128(end)))
        credited = u64(self.hours_at(now) - before)
        if credited == 0:
            raise Fail("ZeroAmount")
        return credited

    def remove_pro_rata(self, now, amount):
        self.advance(now)
        before = self.hours_at(now)
        if self.scale < RENORMALIZE_BELOW:
            self.renormalize(now)
        if amount == 0:
            raise Fail("ZeroAmount")
        if amount >= before:
            raise Fail("InsufficientHours")
        target = before - amount
        weighted = u128(self.rate_end_sum - u128(self.rate_sum * max(now, 0)))
        self.scale = mul_div_ceil(target, UNITS, weighted)  # rounded up: the floor lands on target
        if self.hours_at(now) != target:
            raise Fail("Precision")
        return target

    def renormalize(self, now):
        self.advance(now)
        rate = rate_end = 0
        boundary = self.cursor
        for _ in range(1, BUCKETS):
            boundary = i64(boundary + self.b)
            i = self.slot(boundary)
            r = mul_div_floor(self.slots[i], self.scale, SCALE_ONE)
            self.slots[i] = r
            rate = u128(rate + r)
            rate_end = u128(rate_end + u128(r * as_u128(boundary)))
        self.rate_sum, self.rate_end_sum, self.scale = rate, rate_end, SCALE_ONE

    def state(self):
        return {
            "rate_sum": str(self.rate_sum),
            "rate_end_sum": str(self.rate_end_sum),
            "scale": str(self.scale),
            "cursor": str(self.cursor),
            "slots": {str(i): str(s) for i, s in enumerate(self.slots) if s},
        }


# ---- pool.rs --------------------------------------------------------------------------------

class Pool:
    def __init__(self, bucket_secs, now, fee_bps, collateral_bps, reference_price):
        self.reserve = Reserve(bucket_secs, now)
        self.fee_bps, self.collateral_bps, self.reference_price = fee_bps, collateral_bps, reference_price
        self.utility_reserve = self.lp_supply = self.escrow_total = self.collateral_total = 0

    def after_expiry(self, now):
        self.reserve.advance(now)
        return self.reserve.hours_at(now)

    def add_liquidity(self, now, end, hours):
        h0 = self.after_expiry(now)
        credited = self.reserve.add_lot(now, end, rate_floor(hours, end, now))
        tokens_in = equal_value_tokens_ceil(self.utility_reserve, h0, credited, self.reference_price)
        if tokens_in == 0:
            raise Fail("ZeroAmount")
        shares = lp_shares_floor(self.lp_supply, self.utility_reserve, tokens_in)
        if shares == 0:
            raise Fail("ZeroAmount")
        self.utility_reserve = u64(self.utility_reserve + tokens_in)
        self.lp_supply = u64(self.lp_supply + shares)
        return {"hours_credited": credited, "tokens_in": tokens_in, "shares": shares}

    def sell_hours(self, now, end, hours):
        u0, h0 = self.utility_reserve, self.after_expiry(now)
        credited = self.reserve.add_lot(now, end, rate_floor(hours, end, now))
        gross = tokens_out_floor(u0, h0, credited)
        if gross == 0:
            raise Fail("ZeroAmount")
        fee = fee_ceil(gross, self.fee_bps)
        seller_out = u64(gross - fee)
        collateral = collateral_ceil(gross, self.collateral_bps)
        self.utility_reserve = u64(u0 - gross)
        self.collateral_total = u64(self.collateral_total + collateral)
        check_k_non_decreasing(u0, h0, self.utility_reserve, self.reserve.hours_at(now))
        return {"hours_credited": credited, "gross_out": gross, "fee": fee, "seller_out": seller_out,
                "collateral": collateral}

    def buy_hours(self, now, tokens_in):
        u0, h0 = self.utility_reserve, self.after_expiry(now)
        fee = fee_ceil(tokens_in, self.fee_bps)
        net = u64(tokens_in - fee)
        out = hours_out_floor(u0, h0, net)
        if out == 0:
            raise Fail("ZeroAmount")
        h1 = self.reserve.remove_pro_rata(now, out)
        self.utility_reserve = u64(u0 + net)
        check_k_non_decreasing(u0, h0, self.utility_reserve, h1)
        return {"tokens_in": tokens_in, "fee": fee, "hours_out": out}

    def quote_buy_exact_out(self, now, hours_out):
        h = self.reserve.hours_at(now)
        tokens = tokens_in_for_hours_ceil(self.utility_reserve, h, hours_out)
        return {"tokens_in": gross_for_net_ceil(tokens, self.fee_bps)}

    def remove_liquidity(self, now, shares):
        if shares == 0:  # a stake that never added liquidity is owed nothing
            return {"payout": 0}
        payout = lp_payout_floor(shares, self.lp_supply, self.utility_reserve)
        self.utility_reserve = u64(self.utility_reserve - payout)
        self.lp_supply = u64(self.lp_supply - shares)
        return {"payout": payout}

    def lock_escrow(self, now, amount):
        self.escrow_total = u64(self.escrow_total + amount)
        return {}

    def release_seller(self, now, escrow, collateral):
        self.escrow_total = u64(self.escrow_total - escrow)
        self.collateral_total = u64(self.collateral_total - collateral)
        return {}

    def state(self):
        return {
            "utility_reserve": str(self.utility_reserve),
            "lp_supply": str(self.lp_supply),
            "escrow_total": str(self.escrow_total),
            "collateral_total": str(self.collateral_total),
            "reserve": self.reserve.state(),
        }


# ---- cases ----------------------------------------------------------------------------------

def strs(d):
    return {k: str(v) for k, v in d.items()}


def outcome(f):
    try:
        v = f()
    except Fail as e:
        return {"error": e.kind}
    if isinstance(v, dict):
        return strs(v)
    return {"value": None if v is None else str(v)}


CASES = []


def case(name, op, inp, expected):
    CASES.append({"name": name, "op": op, "input": inp, "expected": expected})


def fn_case(name, fn, **args):
    case(name, fn.__name__, strs(args), outcome(lambda: fn(**args)))


def apply(obj, step):
    """One step on a copy; the original back if it fails (the transaction reverts)."""
    new = copy.deepcopy(obj)
    try:
        getattr(new, step["op"])(**{k: v for k, v in step.items() if k != "op"})
    except Fail:
        return obj
    return new


def run_steps(make, steps):
    """Applies `steps` transactionally (a failing step leaves the state as it was, as on chain);
    records each step's result, the state after it and the reserve at the step's `now`."""
    try:
        obj = make()
    except Fail as e:
        return None, {"error": e.kind}
    out = []
    for s in steps:
        args = {k: v for k, v in s.items() if k != "op"}
        saved = copy.deepcopy(obj)
        res = outcome(lambda: getattr(obj, s["op"])(**args))
        if "error" in res:
            obj = saved
        elt = {"result": res, "hours_at": str(obj.reserve.hours_at(s["now"]) if isinstance(obj, Pool)
                                             else obj.hours_at(s["now"])), "state": obj.state()}
        out.append(elt)
    return obj, {"steps": out}


def reserve_case(name, bucket_secs, start, steps):
    _, exp = run_steps(lambda: Reserve(bucket_secs, start), steps)
    inp = {"bucket_secs": str(bucket_secs), "start": str(start), "steps": [strs(s) for s in steps]}
    case(name, "reserve", inp, exp)


def pool_case(name, params, bucket_secs, start, steps):
    _, exp = run_steps(lambda: Pool(bucket_secs, start, **params), steps)
    inp = {"bucket_secs": str(bucket_secs), "start": str(start), "params": strs(params),
           "steps": [strs(s) for s in steps]}
    case(name, "pool", inp, exp)


def rnd_u64(rng):
    """Log-uniform: every magnitude from 0 to u64::MAX is equally likely."""
    return rng.getrandbits(rng.randint(0, 64))


def curve_cases(rng):
    M = U64_MAX
    for a, bps in [(0, 30), (1, 30), (10_000, 30), (10_001, 30), (3_333, 3), (5, 0), (M, 10_000),
                   (M, 10_001), (M, 65_535)]:
        fn_case(f"fee_ceil/{a}/{bps}", fee_ceil, amount=a, bps=bps)
    for u, h, t in [(0, 5, 5), (5, 0, 5), (1_000, 3_600, 1_000), (1_000, 3_600, 999), (1_000, 3_600, 0),
                    (M, M, M), (1, M, M)]:
        fn_case(f"hours_out_floor/{u}/{h}/{t}", hours_out_floor, u=u, h=h, tokens_in=t)
    for u, h, o in [(1_000, 3_600, 1_800), (1_000, 3_600, 1_801), (1_000, 3_600, 3_600), (0, 5, 1),
                    (1, M, M - 1), (M, M, M - 1), (7, 10, 0)]:
        fn_case(f"tokens_in_for_hours_ceil/{u}/{h}/{o}", tokens_in_for_hours_ceil, u=u, h=h, hours_out=o)
    for n, bps in [(997, 30), (998, 30), (0, 30), (5, 10_000), (5, 10_001), (M, 1), (M, 0), (1, 9_999)]:
        fn_case(f"gross_for_net_ceil/{n}/{bps}", gross_for_net_ceil, net=n, bps=bps)
    for u, h, i in [(1_000, 3_600, 3_600), (0, 1, 1), (1, 0, 1), (M, 1, M), (3, 7, 2), (M, M, M)]:
        fn_case(f"tokens_out_floor/{u}/{h}/{i}", tokens_out_floor, u=u, h=h, hours_in=i)
    for u, h, i, p in [(1_000, 3_000, 1, 0), (1_000, 3_000, 3, 9), (0, 0, 7_200, 5), (0, 5, 1, 3_600),
                       (5, 0, 3_600, 7), (0, 0, 1, 1), (0, 0, 0, 1), (M, 1, M, 0), (0, 0, M, M), (0, 0, M, 3_600)]:
        fn_case(f"equal_value_tokens_ceil/{u}/{h}/{i}/{p}", equal_value_tokens_ceil, u=u, h=h, hours_in=i,
                reference_price_per_hour=p)
    for l, u, t in [(0, 0, 5), (0, 10, 5), (10, 0, 5), (3, 10, 5), (M, 1, M), (M, M, M)]:
        fn_case(f"lp_shares_floor/{l}/{u}/{t}", lp_shares_floor, lp_supply=l, u=u, tokens_in=t)
    for s, l, u in [(1, 3, 10), (4, 3, 10), (0, 0, 5), (3, 3, M), (M - 1, M, M)]:
        fn_case(f"lp_payout_floor/{s}/{l}/{u}", lp_payout_floor, shares=s, lp_supply=l, u=u)
    for p, s in [(10, 1), (3_600, 1), (3_600, 3_600), (1, 3_599), (0, 5), (M, M), (M, 3_600), (M, 3_601)]:
        fn_case(f"per_hour_charge_ceil/{p}/{s}", per_hour_charge_ceil, per_hour=p, secs=s)
    for p, m in [(7, 1_000_000), (1, 1), (0, 5), (M, 10_000), (M, 10_001), (M, 2**32 - 1)]:
        fn_case(f"collateral_ceil/{p}/{m}", collateral_ceil, proceeds=p, multiple_bps=m)
    for i in range(12):
        r = lambda: rnd_u64(rng)
        bps = rng.choice([0, 1, 30, 100, 9_999, 10_000, rng.randint(0, 65_535)])
        fn_case(f"fee_ceil/random-{i}", fee_ceil, amount=r(), bps=bps)
        fn_case(f"hours_out_floor/random-{i}", hours_out_floor, u=r(), h=r(), tokens_in=r())
        fn_case(f"tokens_in_for_hours_ceil/random-{i}", tokens_in_for_hours_ceil, u=r(), h=r(), hours_out=r())
        fn_case(f"gross_for_net_ceil/random-{i}", gross_for_net_ceil, net=r(), bps=bps)
        fn_case(f"tokens_out_floor/random-{i}", tokens_out_floor, u=r(), h=r(), hours_in=r())
        fn_case(f"equal_value_tokens_ceil/random-{i}", equal_value_tokens_ceil, u=r() * (i % 3 != 0), h=r(),
                hours_in=r(), reference_price_per_hour=r())
        fn_case(f"lp_shares_floor/random-{i}", lp_shares_floor, lp_supply=r(), u=r(), tokens_in=r())
        fn_case(f"lp_payout_floor/random-{i}", lp_payout_floor, shares=r(), lp_supply=r(), u=r())
        fn_case(f"per_hour_charge_ceil/random-{i}", per_hour_charge_ceil, per_hour=r(), secs=r())
        fn_case(f"collateral_ceil/random-{i}", collateral_ceil, proceeds=r(), multiple_bps=rng.getrandbits(32))


def decay_cases(rng):
    end = T0 + 10_000
    for rate, now in [(RATE_ONE, T0), (RATE_ONE, end - 1), (RATE_ONE, end), (RATE_ONE, end + 5),
                      (RATE_ONE - 1, T0), (3 * RATE_ONE + 1, T0 + 1), (U128_MAX, end - 2**33), (2**96, end - 1),
                      (2**96 - 1, end - 1), (0, T0)]:
        fn_case(f"balance_floor/{rate}/{end - now}", balance_floor, rate=rate, end=end, now=now)
    fn_case("balance_floor/negative-now", balance_floor, rate=RATE_ONE, end=100, now=-50)
    for amount, secs in [(5, 0), (1, 3), (2, 3), (3_600, 3_600), (U64_MAX, 1), (U64_MAX, 7), (0, 5), (7, 2**40)]:
        fn_case(f"rate_floor/{amount}/{secs}", rate_floor, amount=amount, end=T0 + secs, now=T0)
        fn_case(f"rate_ceil/{amount}/{secs}", rate_ceil, amount=amount, end=T0 + secs, now=T0)
    now = T0 + 1_234
    for rate, amount in [(RATE_ONE, 1_000), (RATE_ONE, end - now), (RATE_ONE, end - now + 1), (RATE_ONE, 0),
                         (RATE_ONE // 3, 1), (7 * RATE_ONE + 12_345, 17_777), (1, 1)]:
        fn_case(f"withdraw/{rate}/{amount}", withdraw, rate=rate, end=end, now=now, amount=amount)
    fn_case("withdraw/after-end", withdraw, rate=RATE_ONE, end=end, now=end, amount=1)
    for i in range(10):
        secs = rng.randint(1, 255 * 3_600)
        rate = rng.getrandbits(rng.randint(20, 60))
        fn_case(f"balance_floor/random-{i}", balance_floor, rate=rate, end=T0 + secs, now=T0)
        a = rnd_u64(rng)
        fn_case(f"rate_floor/random-{i}", rate_floor, amount=a, end=T0 + secs, now=T0)
        fn_case(f"rate_ceil/random-{i}", rate_ceil, amount=a, end=T0 + secs, now=T0)
        bal = balance_floor(rate, T0 + secs, T0)
        fn_case(f"withdraw/random-{i}", withdraw, rate=rate, end=T0 + secs, now=T0, amount=rng.randint(0, bal + 1))
    for t, b in [(T0, 3_600), (T0 + 2_800, 3_600), (-1, 60), (0, 60), (59, 60)]:
        fn_case(f"align_down/{t}/{b}", align_down, t=t, b=b)
        fn_case(f"align_up/{t}/{b}", align_up, t=t, b=b)


def add(now, end, rate):
    return {"op": "add_lot", "now": now, "end": end, "rate": rate}


def remove(now, amount):
    return {"op": "remove_pro_rata", "now": now, "amount": amount}


def at(op, now):
    return {"op": op, "now": now}


def reserve_cases(rng):
    b, s = 3_600, T0  # T0 is 800 s past a boundary
    a = align_down(s, b)
    reserve_case("reserve/one-device-decays", b, s, [
        add(s, a + 10 * b, RATE_ONE), at("hours_at", s + 1), at("hours_at", a + b), at("advance", a + b),
        at("hours_at", a + 5 * b + 17), at("advance", a + 9 * b + 1), at("advance", a + 10 * b),
        at("hours_at", a + 11 * b)])
    reserve_case("reserve/buys-spare-later-lots", b, s, [
        add(s, a + 3 * b, RATE_ONE), add(s, a + 7 * b, 2 * RATE_ONE + 12_345), remove(s + 100, 10_000),
        remove(s + 100, 1), add(s + 200, a + 5 * b, RATE_ONE), at("advance", a + 3 * b),
        remove(a + 3 * b + 5, 7_777), at("renormalize", a + 3 * b + 5), at("advance", a + 8 * b)])
    steps = [add(s, a + k * b, RATE_ONE * d) for k, d in [(3, 100), (40, 2_000), (200, 5_000), (255, 1_000)]]
    now = s
    for i in range(9):
        now += rng.randint(0, 2) * 97
        steps.append(remove(now, 0))  # amount set below: a deep cut of the live reserve
    probe = Reserve(b, s)
    for st in steps:
        if st["op"] == "remove_pro_rata":
            h = probe.hours_at(st["now"])
            st["amount"] = max(0, h - max(1, h // 50))
        probe = apply(probe, st)
    reserve_case("reserve/deep-buys-renormalise", b, s, steps)
    reserve_case("reserve/long-sleep-resets", 60, s, [
        add(s, align_down(s, 60) + 255 * 60, 3 * RATE_ONE), remove(s, 5_000),
        at("hours_at", s + 256 * 60), at("advance", s + 10**6), add(s + 10**6, align_down(s + 10**6, 60) + 60, RATE_ONE)])
    reserve_case("reserve/errors", b, s, [
        add(s, a + 3 * b + 1, RATE_ONE), add(s, a, RATE_ONE), add(s, a + 256 * b, RATE_ONE),
        add(s, a + 255 * b, RATE_ONE), add(s, a + b, 1), add(s, a + 2 * b, 2**100), remove(s, 0),
        remove(s, 10**9), add(s, a + 2 * b, U128_MAX), remove(s, 1)])
    reserve_case("reserve/bucket-zero", 0, s, [])
    for n in range(4):
        b = rng.choice([60, 300, 900, 3_600, rng.randint(60, 3_600)])
        now = T0 + rng.randint(0, 10**6)
        probe, steps = Reserve(b, now), []
        for _ in range(30):
            kind = rng.random()
            if kind < 0.35:
                end = align_down(now, b) + rng.randint(1, 255) * b
                rate = rng.randint(1, 64) * RATE_ONE + rng.getrandbits(32) * (rng.random() < 0.5)
                st = add(now, end, rate)
            elif kind < 0.65:
                h = probe.hours_at(now)
                st = remove(now, rng.randint(0, h))
            elif kind < 0.8:
                st = at("hours_at", now + rng.randint(0, 300 * b))
            else:
                now += rng.choice([0, 1, rng.randint(1, b), rng.randint(b, 40 * b), rng.randint(250 * b, 300 * b)])
                st = at(rng.choice(["advance", "renormalize"]), now)
            steps.append(st)
            probe = apply(probe, st)
        reserve_case(f"reserve/random-{n}", b, steps[0]["now"], steps)


def pool_cases(rng):
    b, s = 3_600, T0
    a = align_down(s, b)
    params = {"fee_bps": 30, "collateral_bps": 10_000, "reference_price": 2_000_000}
    pool_case("pool/lp-sell-buy-settle", params, b, s, [
        {"op": "sell_hours", "now": s, "end": a + 5 * b, "hours": 3_600},
        {"op": "buy_hours", "now": s, "tokens_in": 1_000},
        {"op": "add_liquidity", "now": s, "end": a + 24 * b, "hours": a + 24 * b - s},
        {"op": "add_liquidity", "now": s + 10, "end": a + 3 * b, "hours": 2 * (a + 3 * b - s - 10)},
        {"op": "sell_hours", "now": s + 60, "end": a + 5 * b, "hours": 7_200},
        {"op": "quote_buy_exact_out", "now": s + 61, "hours_out": 3_600},
        {"op": "buy_hours", "now": s + 61, "tokens_in": 5_000_000},
        {"op": "buy_hours", "now": s + 62, "tokens_in": 1},
        {"op": "lock_escrow", "now": s + 62, "amount": 123_456},
        {"op": "remove_liquidity", "now": a + 30 * b, "shares": U64_MAX},
        {"op": "remove_liquidity", "now": a + 30 * b, "shares": 0},
        {"op": "remove_liquidity", "now": a + 30 * b, "shares": 1_000_000},
        {"op": "release_seller", "now": a + 30 * b, "escrow": 123_456, "collateral": 1},
        {"op": "release_seller", "now": a + 30 * b, "escrow": 1, "collateral": 0},
        {"op": "sell_hours", "now": a + 30 * b, "end": a + 31 * b, "hours": 100},
        {"op": "buy_hours", "now": a + 30 * b, "tokens_in": 1_000},
    ])
    # The deep-buy regression: the last buy renormalises a scale below 2^48 first.
    bb, p0 = 1_580, {"fee_bps": 0, "collateral_bps": 0, "reference_price": 3_600}
    steps = [{"op": "add_liquidity", "now": s, "end": align_down(s, bb) + k * bb, "hours": align_down(s, bb) + k * bb - s}
             for k in [30, 1, 7, 100]]
    probe = Pool(bb, s, **p0)
    for st in steps:
        probe.add_liquidity(st["now"], st["end"], st["hours"])
    while probe.reserve.scale >= RENORMALIZE_BELOW:
        steps.append({"op": "buy_hours", "now": s, "tokens_in": probe.utility_reserve * 9})
        probe.buy_hours(s, probe.utility_reserve * 9)
    steps.append({"op": "buy_hours", "now": s, "tokens_in": probe.utility_reserve // 2})
    pool_case("pool/buy-after-deep-buys-renormalises", p0, bb, s, steps)
    for n in range(6):
        b = rng.choice([60, 600, 3_600, rng.randint(60, 3_600)])
        params = {"fee_bps": rng.choice([0, 30, rng.randint(0, 1_000)]),
                  "collateral_bps": rng.choice([0, 10_000, rng.randint(0, 30_000)]),
                  "reference_price": rng.randint(1, 10**9)}
        now = T0 + rng.randint(0, 10**6)
        probe, steps = Pool(b, now, **params), []
        for i in range(28):
            kind = rng.random() if i else 0
            u, h = probe.utility_reserve, probe.reserve.hours_at(now)
            end = align_down(now, b) + rng.randint(1, 255) * b
            if kind < 0.25:
                st = {"op": "add_liquidity", "now": now, "end": end, "hours": (end - now) * rng.randint(1, 8)}
            elif kind < 0.45:
                st = {"op": "sell_hours", "now": now, "end": end, "hours": rng.randint(1, end - now)}
            elif kind < 0.65:
                tokens = u * rng.randint(1, 10**6) // 10**rng.randint(3, 6)
                st = {"op": "buy_hours", "now": now, "tokens_in": min(U64_MAX, max(1, tokens))}
            elif kind < 0.7:
                st = {"op": "quote_buy_exact_out", "now": now, "hours_out": rng.randint(0, h + 1)}
            elif kind < 0.78:
                st = {"op": "remove_liquidity", "now": now, "shares": rng.randint(0, probe.lp_supply)}
            elif kind < 0.83:
                st = {"op": "lock_escrow", "now": now, "amount": rng.randint(0, 10**9)}
            elif kind < 0.88:
                st = {"op": "release_seller", "now": now, "escrow": rng.randint(0, probe.escrow_total),
                      "collateral": rng.randint(0, probe.collateral_total)}
            else:
                now += rng.choice([0, rng.randint(1, b), rng.randint(b, 50 * b), rng.randint(256 * b, 300 * b)])
                st = {"op": "quote_buy_exact_out", "now": now, "hours_out": 1}
            steps.append(st)
            probe = apply(probe, st)
        pool_case(f"pool/random-{n}", params, b, steps[0]["now"], steps)


def main():
    rng = random.Random(SEED)
    curve_cases(rng)
    decay_cases(rng)
    reserve_cases(rng)
    pool_cases(rng)
    names = [c["name"] for c in CASES]
    assert len(names) == len(set(names)), "duplicate case names"
    out = Path(__file__).resolve().parent.parent / "tests" / "golden" / "pool-math.json"
    text = json.dumps(CASES, indent=1) + "\n"
    if "--check" in sys.argv[1:]:
        if not out.exists() or out.read_text() != text:
            sys.exit(f"{out} is stale: run python3 scripts/gen-golden.py")
        print(f"{len(CASES)} cases, {out} up to date")
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text)
    print(f"{len(CASES)} cases -> {out}")


if __name__ == "__main__":
    main()
