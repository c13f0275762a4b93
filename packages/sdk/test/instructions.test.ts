import { createHash } from "crypto";
import { expect } from "chai";
import { PublicKey, TransactionInstruction } from "@solana/web3.js";
import { instructions as ix, pdas, PinfiSdkError, PROGRAM_ID } from "../src";
import { coder, idl, camel } from "../src/idl";
import { key } from "./helpers";
import { BN } from "../src/anchor";
import { SYSTEM_PROGRAM_ID, SYSVAR_SLOT_HASHES_PUBKEY, TOKEN_PROGRAM_ID } from "../src/constants";

const K = {
  admin: key(1), utilityMint: key(2), creator: key(3), owner: key(4), deviceKey: key(5), pool: key(6), ownerTokens: key(7),
  device: key(8), certificate: key(9), stake: key(10), buyer: key(11), buyerTokens: key(12), rental: key(13), newAdmin: key(14),
  authority: key(15), authorityTokens: key(16), challenge: key(17), verifier: key(18),
};
const verification = {
  minVerifierStake: 5_000_000n, unbondingSecs: 3_600, verdictWindowSlots: 300, strikeWindowSecs: 86_400,
  strikesToFail: 3, distinctVerifiersToFail: 2, verifierStrikesToSuspend: 3,
};
const VERIFIER = pdas.verifier(K.authority)[0];
const bytes = (n: number) => new Uint8Array(32).fill(n);
const verdict = {
  authority: K.authority, pool: K.pool, device: K.device, stake: K.stake, challenge: K.challenge,
  outcome: "noResponse" as const, nonce: bytes(1), elapsedMs: 900, deadlineMs: 1_000, root: bytes(2), walkRoot: [...bytes(3)], evidenceHash: Buffer.alloc(32, 4),
};
const poolParams = {
  swapFeeBps: 30, minStakeSecs: 3600, maxStakeSecs: 7 * 86400, bucketSecs: 3600,
  burnPerGpuHour: 10n, maintenancePerGpuHour: 5n, collateralBps: 10_000, referencePrice: 2_000_000n,
};
const protocolParams = { maxSwapFeeBps: 100, minBurnPerGpuHour: 1n, minCollateralBps: 5000 };
const H100 = pdas.pool("H100")[0];

// Every builder with arguments, and the address each IDL account name must get.
const CASES: Record<string, { build: () => TransactionInstruction; expect: Record<string, PublicKey>; args: Record<string, unknown> }> = {
  initialize_protocol: {
    build: () => ix.initializeProtocol({ admin: K.admin, utilityMint: K.utilityMint, params: protocolParams }),
    expect: { admin: K.admin, protocol: pdas.protocol()[0], utility_mint: K.utilityMint },
    args: { params: { max_swap_fee_bps: 100, min_burn_per_gpu_hour: "1", min_collateral_bps: 5000 } },
  },
  update_protocol: {
    build: () => ix.updateProtocol({ admin: K.admin, paused: true, newAdmin: K.newAdmin, verification }),
    expect: { admin: K.admin, protocol: pdas.protocol()[0] },
    args: {
      args: {
        paused: true, params: null, new_admin: K.newAdmin.toBase58(),
        verification: {
          min_verifier_stake: "5000000", unbonding_secs: 3_600, verdict_window_slots: 300, strike_window_secs: 86_400,
          strikes_to_fail: 3, distinct_verifiers_to_fail: 2, verifier_strikes_to_suspend: 3,
        },
      },
    },
  },
  accept_admin: {
    build: () => ix.acceptAdmin({ pendingAdmin: K.newAdmin }),
    expect: { pending_admin: K.newAdmin, protocol: pdas.protocol()[0] },
    args: {},
  },
  slash_verifier: {
    build: () => ix.slashVerifier({ admin: K.admin, verifierAuthority: K.authority, utilityMint: K.utilityMint, amount: 7n }),
    expect: { admin: K.admin, protocol: pdas.protocol()[0], verifier: VERIFIER, vault: pdas.verifierVault(VERIFIER)[0], utility_mint: K.utilityMint },
    args: { amount: "7" },
  },
  set_verifier_endpoint: {
    build: () => ix.setVerifierEndpoint({ authority: K.authority, endpoint: "https://verifier.example/pinfi" }),
    expect: { authority: K.authority, protocol: pdas.protocol()[0], verifier: VERIFIER },
    args: { endpoint: "https://verifier.example/pinfi" },
  },
  set_device_endpoint: {
    build: () => ix.setDeviceEndpoint({ owner: K.owner, pool: K.pool, device: K.device, endpoint: "https://gpu-7.example:8443" }),
    expect: { owner: K.owner, pool: K.pool, device: K.device },
    args: { endpoint: "https://gpu-7.example:8443" },
  },
  register_verifier: {
    build: () => ix.registerVerifier({ authority: K.authority, authorityTokens: K.authorityTokens, utilityMint: K.utilityMint, amount: 5_000_000n }),
    expect: {
      authority: K.authority, protocol: pdas.protocol()[0], verifier: VERIFIER, vault: pdas.verifierVault(VERIFIER)[0],
      authority_tokens: K.authorityTokens, utility_mint: K.utilityMint,
    },
    args: { amount: "5000000" },
  },
  unbond_verifier: {
    build: () => ix.unbondVerifier({ authority: K.authority }),
    expect: { authority: K.authority, protocol: pdas.protocol()[0], verifier: VERIFIER },
    args: {},
  },
  withdraw_verifier: {
    build: () => ix.withdrawVerifier({ authority: K.authority, authorityTokens: K.authorityTokens }),
    expect: { authority: K.authority, protocol: pdas.protocol()[0], verifier: VERIFIER, vault: pdas.verifierVault(VERIFIER)[0], authority_tokens: K.authorityTokens },
    args: {},
  },
  open_challenge: {
    build: () => ix.openChallenge({ authority: K.authority, pool: K.pool, device: K.device, stake: K.stake, deviceChallengeCount: 4n, paramsId: 65_535, nonceCommit: bytes(9) }),
    expect: {
      authority: K.authority, protocol: pdas.protocol()[0], verifier: VERIFIER, pool: K.pool, device: K.device, stake: K.stake,
      challenge: pdas.challenge(K.device, 4n)[0],
    },
    args: { params_id: 65_535, nonce_commit: new Array(32).fill(9), ticket: null },
  },
  commit_lottery: {
    build: () => ix.commitLottery({ authority: K.authority, root: bytes(3), startSlot: 1_000n, rounds: 4_096 }),
    expect: { authority: K.authority, protocol: pdas.protocol()[0], verifier: VERIFIER },
    args: { root: new Array(32).fill(3), start_slot: "1000", rounds: 4_096 },
  },
  submit_verdict: {
    build: () => ix.submitVerdict(verdict),
    expect: { authority: K.authority, protocol: pdas.protocol()[0], verifier: VERIFIER, pool: K.pool, device: K.device, stake: K.stake, challenge: K.challenge },
    args: {
      args: {
        outcome: { NoResponse: {} }, nonce: new Array(32).fill(1), elapsed_ms: 900, deadline_ms: 1_000, root: new Array(32).fill(2),
        walk_root: new Array(32).fill(3), evidence_hash: new Array(32).fill(4),
      },
    },
  },
  expire_challenge: {
    build: () => ix.expireChallenge({ challenge: K.challenge, verifierAuthority: K.authority, pool: K.pool }),
    expect: { protocol: pdas.protocol()[0], verifier: VERIFIER, pool: K.pool, challenge: K.challenge },
    args: {},
  },
  mark_stake_failed: {
    build: () => ix.markStakeFailed({ admin: K.admin, pool: K.pool, stake: K.stake }),
    expect: { admin: K.admin, protocol: pdas.protocol()[0], pool: K.pool, stake: K.stake },
    args: {},
  },
  create_pool: {
    build: () => ix.createPool({ creator: K.creator, utilityMint: K.utilityMint, gpuClass: "H100", params: poolParams }),
    expect: { creator: K.creator, protocol: pdas.protocol()[0], pool: H100, vault: pdas.vault(H100)[0], utility_mint: K.utilityMint },
    args: { gpu_class: [...pdas.gpuClassBytes("H100")], params: { swap_fee_bps: 30, reference_price: "2000000" } },
  },
  register_device: {
    build: () => ix.registerDevice({ owner: K.owner, deviceKey: K.deviceKey, pool: K.pool, specsHash: new Uint8Array(32).fill(9) }),
    expect: { owner: K.owner, device_key: K.deviceKey, protocol: pdas.protocol()[0], pool: K.pool, device: pdas.device(K.deviceKey)[0] },
    args: { specs_hash: new Array(32).fill(9) },
  },
  burn_for_certificate: {
    build: () => ix.burnForCertificate({ owner: K.owner, pool: K.pool, utilityMint: K.utilityMint, ownerTokens: K.ownerTokens, nonce: 5n, gpuSeconds: 7200 }),
    expect: {
      owner: K.owner, protocol: pdas.protocol()[0], pool: K.pool, utility_mint: K.utilityMint, owner_tokens: K.ownerTokens,
      certificate: pdas.certificate(K.owner, K.pool, 5n)[0],
    },
    args: { nonce: "5", gpu_seconds: "7200" },
  },
  create_stake: {
    build: () => ix.createStake({ owner: K.owner, pool: K.pool, device: K.device, deviceStakeCount: 3n, certificateNonce: 5n, ownerTokens: K.ownerTokens, kind: "seller", end: 1_700_003_600n }),
    expect: {
      owner: K.owner, protocol: pdas.protocol()[0], pool: K.pool, device: K.device, certificate: pdas.certificate(K.owner, K.pool, 5n)[0],
      stake: pdas.stake(K.device, 3n)[0], owner_tokens: K.ownerTokens, vault: pdas.vault(K.pool)[0],
    },
    args: { kind: { Seller: {} }, end: "1700003600" },
  },
  add_liquidity: {
    build: () => ix.addLiquidity({ owner: K.owner, pool: K.pool, stake: K.stake, ownerTokens: K.ownerTokens, maxTokensIn: 99n }),
    expect: { owner: K.owner, protocol: pdas.protocol()[0], pool: K.pool, stake: K.stake, owner_tokens: K.ownerTokens, vault: pdas.vault(K.pool)[0] },
    args: { max_tokens_in: "99" },
  },
  sell_hours: {
    build: () => ix.sellHours({ owner: K.owner, pool: K.pool, stake: K.stake, ownerTokens: K.ownerTokens, utilityMint: K.utilityMint, hours: 3600n, minTokensOut: 1n }),
    expect: {
      owner: K.owner, protocol: pdas.protocol()[0], pool: K.pool, stake: K.stake, owner_tokens: K.ownerTokens, vault: pdas.vault(K.pool)[0],
      utility_mint: K.utilityMint,
    },
    args: { hours: "3600", min_tokens_out: "1" },
  },
  buy_hours: {
    build: () => ix.buyHours({ buyer: K.buyer, pool: K.pool, rentalId: 42n, buyerTokens: K.buyerTokens, utilityMint: K.utilityMint, tokensIn: 10n ** 18n, end: 1_700_007_200n, minHoursOut: 0n }),
    expect: {
      buyer: K.buyer, protocol: pdas.protocol()[0], pool: K.pool, rental: pdas.rental(K.pool, K.buyer, 42n)[0], buyer_tokens: K.buyerTokens,
      vault: pdas.vault(K.pool)[0], utility_mint: K.utilityMint,
    },
    args: { rental_id: "42", tokens_in: "1000000000000000000", end: "1700007200", min_hours_out: "0" },
  },
  extend_rental: {
    build: () => ix.extendRental({ buyer: K.buyer, pool: K.pool, rental: K.rental, buyerTokens: K.buyerTokens, utilityMint: K.utilityMint, newEnd: 1_700_010_800n, maxTokensIn: 5n }),
    expect: {
      buyer: K.buyer, protocol: pdas.protocol()[0], pool: K.pool, rental: K.rental, buyer_tokens: K.buyerTokens, vault: pdas.vault(K.pool)[0],
      utility_mint: K.utilityMint,
    },
    args: { new_end: "1700010800", max_tokens_in: "5" },
  },
  terminate_rental: {
    build: () => ix.terminateRental({ buyer: K.buyer, pool: K.pool, rental: K.rental, buyerTokens: K.buyerTokens, utilityMint: K.utilityMint, minTokensOut: 0 }),
    expect: {
      buyer: K.buyer, protocol: pdas.protocol()[0], pool: K.pool, rental: K.rental, buyer_tokens: K.buyerTokens, vault: pdas.vault(K.pool)[0],
      utility_mint: K.utilityMint,
    },
    args: { min_tokens_out: "0" },
  },
  pool_snapshot: {
    build: () => ix.poolSnapshot({ pool: K.pool }),
    expect: { pool: K.pool },
    args: {},
  },
  settle_stake: {
    build: () => ix.settleStake({ pool: K.pool, stake: K.stake, owner: K.owner, ownerTokens: K.ownerTokens, utilityMint: K.utilityMint }),
    expect: {
      protocol: pdas.protocol()[0], pool: K.pool, stake: K.stake, owner: K.owner, owner_tokens: K.ownerTokens, vault: pdas.vault(K.pool)[0],
      utility_mint: K.utilityMint,
    },
    args: {},
  },
  settle_expired: {
    // The named accounts only (the six per stake follow as remaining accounts: tested below).
    build: () => {
      const i = ix.settleExpired({ pool: K.pool, utilityMint: K.utilityMint, stakes: [{ stake: K.stake, device: K.device, owner: K.owner, ownerTokens: K.ownerTokens, fromEpoch: 0, toEpoch: 1 }] });
      i.keys = i.keys.slice(0, i.keys.length - ix.SETTLE_EXPIRED_ACCOUNTS_PER_STAKE);
      return i;
    },
    expect: {
      protocol: pdas.protocol()[0], pool: K.pool, vault: pdas.vault(K.pool)[0], rewards_vault: pdas.rewardsVault()[0], utility_mint: K.utilityMint, token_program: TOKEN_PROGRAM_ID,
    },
    args: {},
  },
};

const emissionParams = {
  genesis: 1_700_000_000n, epochSecs: 3_600, perDay: 24_000_000n, halvingSecs: 365n * 86_400n, maxSupply: 1n << 50n,
  minersBps: 7_000, foundationBps: 2_000, potRampSecs: 30 * 86_400, foundation: key(20), team: key(21),
};
Object.assign(CASES, {
  configure_emission: {
    build: () => ix.configureEmission({ admin: K.admin, utilityMint: K.utilityMint, params: emissionParams }),
    expect: { admin: K.admin, protocol: pdas.protocol()[0], utility_mint: K.utilityMint, rewards_vault: pdas.rewardsVault()[0], foundation: key(20), team: key(21) },
    args: { params: { genesis: "1700000000", epoch_secs: 3_600, per_day: "24000000", miners_bps: 7_000, foundation: key(20).toBase58() } },
  },
  set_pool_weight: {
    build: () => ix.setPoolWeight({ admin: K.admin, pool: H100, weight: 3n }),
    expect: { admin: K.admin, protocol: pdas.protocol()[0], pool: H100 },
    args: { weight: "3" },
  },
  close_epoch: {
    build: () => ix.closeEpoch({ cranker: K.owner, index: 7n, utilityMint: K.utilityMint, foundation: key(20), team: key(21) }),
    expect: {
      cranker: K.owner, protocol: pdas.protocol()[0], epoch: pdas.epoch(7n)[0], utility_mint: K.utilityMint, rewards_vault: pdas.rewardsVault()[0],
      foundation: key(20), team: key(21),
    },
    args: { index: "7" },
  },
  close_pool_epoch: {
    build: () => ix.closePoolEpoch({ cranker: K.owner, pool: H100, index: 7, utilityMint: K.utilityMint }),
    expect: {
      cranker: K.owner, protocol: pdas.protocol()[0], epoch: pdas.epoch(7n)[0], pool: H100, pool_epoch: pdas.poolEpoch(H100, 7n)[0],
      utility_mint: K.utilityMint, rewards_vault: pdas.rewardsVault()[0],
    },
    args: { index: "7" },
  },
  claim_rewards: {
    build: () => ix.claimRewards({ pool: H100, device: K.device, stake: K.stake, ownerTokens: K.ownerTokens, fromEpoch: 2n, toEpoch: 5n, utilityMint: K.utilityMint }),
    expect: {
      protocol: pdas.protocol()[0], pool: H100, device: K.device, stake: K.stake, owner_tokens: K.ownerTokens, from_epoch: pdas.poolEpoch(H100, 2n)[0],
      to_epoch: pdas.poolEpoch(H100, 5n)[0], rewards_vault: pdas.rewardsVault()[0], utility_mint: K.utilityMint,
    },
    args: {},
  },
  assign_rental: {
    build: () => ix.assignRental({ pool: K.pool, rental: K.rental, candidates: [] }),
    expect: { pool: K.pool, rental: K.rental },
    args: {},
  },
  refund_rental: {
    build: () => ix.refundRental({ pool: K.pool, rental: K.rental, buyer: K.buyer, buyerTokens: K.buyerTokens, assigned: [] }),
    expect: { protocol: pdas.protocol()[0], pool: K.pool, rental: K.rental, buyer: K.buyer, buyer_tokens: K.buyerTokens, vault: pdas.vault(K.pool)[0] },
    args: {},
  },
});

const FIXED: Record<string, PublicKey> = {
  token_program: TOKEN_PROGRAM_ID,
  system_program: SYSTEM_PROGRAM_ID,
  slot_hashes: SYSVAR_SLOT_HASHES_PUBKEY,
  event_authority: pdas.eventAuthority()[0],
  program: PROGRAM_ID,
};

/** Decoded args with BN and PublicKey as strings, for comparison. */
const jsonish = (v: any): any =>
  BN.isBN(v)
    ? v.toString()
    : v instanceof PublicKey
      ? v.toBase58()
      : Array.isArray(v)
        ? v.map(jsonish)
        : v && typeof v === "object"
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, jsonish(x)]))
          : v;

describe("instructions: builders against the IDL", () => {
  it("there is one builder per IDL instruction", () => {
    expect(Object.keys(CASES).sort()).to.deep.equal(idl.instructions.map((i) => i.name).sort());
    for (const i of idl.instructions) expect((ix as any)[camel(i.name)], i.name).to.be.a("function");
  });

  for (const def of idl.instructions) {
    it(`${def.name}: accounts in IDL order with its signer/writable flags, PDAs derived, data encoded`, () => {
      const c = CASES[def.name];
      const built = c.build();
      expect(built.programId.equals(PROGRAM_ID)).to.equal(true);
      expect(built.keys.map((k) => k.pubkey.toBase58()), "account count/order").to.have.lengthOf(def.accounts.length);
      def.accounts.forEach((acc: any, i) => {
        const k = built.keys[i];
        const want = c.expect[acc.name] ?? FIXED[acc.name];
        expect(want, `test has no address for ${def.name}.${acc.name}`).to.not.equal(undefined);
        expect(k.pubkey.toBase58(), `${def.name}.${acc.name} address`).to.equal(want.toBase58());
        expect(k.isSigner, `${def.name}.${acc.name} signer`).to.equal(!!acc.signer);
        expect(k.isWritable, `${def.name}.${acc.name} writable`).to.equal(!!acc.writable);
        if (acc.address) expect(k.pubkey.toBase58(), `${def.name}.${acc.name} fixed address`).to.equal(acc.address);
      });
      const decoded = coder.instruction.decode(built.data);
      expect(decoded?.name).to.equal(def.name);
      const data = jsonish(decoded!.data);
      for (const [arg, value] of Object.entries(c.args)) {
        if (value && typeof value === "object" && !Array.isArray(value)) expect(data[arg], arg).to.deep.include(value);
        else expect(data[arg], arg).to.deep.equal(value);
      }
    });
  }

  it("settle_stake names a booked failed seller's rental and its buyer's tokens after the event accounts", () => {
    const plain = ix.settleStake({ pool: K.pool, stake: K.stake, owner: K.owner, ownerTokens: K.ownerTokens, utilityMint: K.utilityMint });
    const withRenter = ix.settleStake({ pool: K.pool, stake: K.stake, owner: K.owner, ownerTokens: K.ownerTokens, utilityMint: K.utilityMint, renter: { rental: K.rental, buyerTokens: K.buyerTokens } });
    expect(withRenter.keys.slice(0, plain.keys.length)).to.deep.equal(plain.keys);
    expect(withRenter.keys.slice(plain.keys.length).map((k) => [k.pubkey.toBase58(), k.isWritable, k.isSigner])).to.deep.equal([
      [K.rental.toBase58(), false, false],
      [K.buyerTokens.toBase58(), true, false],
    ]);
  });

  it("settle_expired: six accounts per stake after the event accounts; epochs only when a claim is due; no rewards vault without claims", () => {
    const withClaim = { stake: K.stake, device: K.device, owner: K.owner, ownerTokens: K.ownerTokens, fromEpoch: 3n, toEpoch: 4 };
    const noClaim = { stake: key(30), device: key(31), owner: key(32), ownerTokens: key(33) };
    const a = ix.settleExpired({ pool: K.pool, utilityMint: K.utilityMint, stakes: [withClaim, noClaim] });
    const fixed = a.keys.length - 12;
    expect(a.keys[fixed - 2].pubkey.equals(pdas.eventAuthority()[0]) && a.keys[fixed - 1].pubkey.equals(PROGRAM_ID)).to.equal(true);
    expect(a.keys[3].pubkey.equals(pdas.rewardsVault()[0]) && a.keys[3].isWritable).to.equal(true);
    const row = (i: number) => a.keys.slice(fixed + 6 * i, fixed + 6 * i + 6).map((k) => [k.pubkey.toBase58(), k.isWritable, k.isSigner]);
    expect(row(0)).to.deep.equal([
      [K.stake.toBase58(), true, false], [K.device.toBase58(), true, false], [K.owner.toBase58(), true, false], [K.ownerTokens.toBase58(), true, false],
      [pdas.poolEpoch(K.pool, 3n)[0].toBase58(), false, false], [pdas.poolEpoch(K.pool, 4n)[0].toBase58(), false, false],
    ]);
    expect(row(1).slice(4)).to.deep.equal([[PROGRAM_ID.toBase58(), false, false], [PROGRAM_ID.toBase58(), false, false]]);
    // Settlement only: the optional rewards vault is None (the program id), unless asked for.
    const b = ix.settleExpired({ pool: K.pool, utilityMint: K.utilityMint, stakes: [noClaim] });
    expect(b.keys[3]).to.deep.equal({ pubkey: PROGRAM_ID, isWritable: false, isSigner: false });
    expect(ix.settleExpired({ pool: K.pool, utilityMint: K.utilityMint, stakes: [noClaim], rewardsVault: true }).keys[3].pubkey.equals(pdas.rewardsVault()[0])).to.equal(true);
    expect(() => ix.settleExpired({ pool: K.pool, utilityMint: K.utilityMint, stakes: [] })).to.throw(PinfiSdkError);
    expect(() => ix.settleExpired({ pool: K.pool, utilityMint: K.utilityMint, stakes: [{ ...noClaim, fromEpoch: 1 }] })).to.throw(PinfiSdkError);
    expect(ix.settleExpiredTrace(29)).to.equal(62);
  });

  it("settleExpiredStake: the claim window's epochs when a claim is due, the program's refusals otherwise", () => {
    const emission = { genesis: 1_000n, epochSecs: 100, perDay: 1n, halvingSecs: 1n << 40n, maxSupply: 1n << 60n, minersBps: 7_000, foundationBps: 2_000, potRampSecs: 1, foundation: key(20), team: key(21) };
    const stake = (end: bigint, extra: object = {}) => ({ address: K.stake, account: { device: K.device, owner: K.owner, end, rewardsCursor: 0n, kind: "lp" as const, failed: false, bookedBy: PublicKey.default, ...extra } });
    // Ends at 1250: epochs 0 (from genesis) to 2; pool epochs closed up to 2.
    const e = ix.settleExpiredStake(stake(1_250n), { nextEpoch: 3n }, { emission }, K.ownerTokens, 2_000n);
    expect([e.fromEpoch, e.toEpoch]).to.deep.equal([0n, 2n]);
    const name = (f: () => unknown) => {
      try {
        f();
      } catch (err) {
        return (err as { errorName?: string }).errorName;
      }
      return "none";
    };
    expect(name(() => ix.settleExpiredStake(stake(1_250n), { nextEpoch: 2n }, { emission }, K.ownerTokens))).to.equal("RewardsUnclaimed");
    expect(name(() => ix.settleExpiredStake(stake(1_250n), { nextEpoch: 3n }, { emission }, K.ownerTokens, 1_000n))).to.equal("StakeNotEnded");
    expect(name(() => ix.settleExpiredStake(stake(1_250n, { kind: "seller", failed: true, bookedBy: K.rental }), { nextEpoch: 3n }, { emission }, K.ownerTokens))).to.equal("RenterAccountsMissing");
    // Before genesis, or with no emission: settlement only.
    const pre = ix.settleExpiredStake(stake(900n), { nextEpoch: 0n }, { emission }, K.ownerTokens);
    expect(pre.fromEpoch).to.equal(undefined);
    expect(ix.settleExpiredStake(stake(1_250n), { nextEpoch: 0n }, { emission: { ...emission, epochSecs: 0 } }, K.ownerTokens).toEpoch).to.equal(undefined);
  });

  it("passes rental candidates / assigned stakes writable, after the event accounts", () => {
    const a = ix.assignRental({ pool: K.pool, rental: K.rental, candidates: [K.stake, K.device] });
    expect(a.keys.slice(-2).map((k) => [k.pubkey.toBase58(), k.isWritable, k.isSigner])).to.deep.equal([[K.stake.toBase58(), true, false], [K.device.toBase58(), true, false]]);
    expect(a.keys[a.keys.length - 3].pubkey.equals(PROGRAM_ID)).to.equal(true);
    const r = ix.refundRental({ pool: K.pool, rental: K.rental, buyer: K.buyer, buyerTokens: K.buyerTokens, assigned: [K.stake] });
    expect(r.keys[r.keys.length - 1].pubkey.equals(K.stake)).to.equal(true);
  });

  it("derives the stake PDA from deviceStakeCount and takes an explicit certificate", () => {
    const a = ix.createStake({ owner: K.owner, pool: K.pool, device: K.device, deviceStakeCount: 0, certificate: K.certificate, ownerTokens: K.ownerTokens, kind: "lp", end: 7200n });
    expect(a.keys[4].pubkey.equals(K.certificate)).to.equal(true);
    expect(a.keys[5].pubkey.equals(pdas.stake(K.device, 0n)[0])).to.equal(true);
  });

  it("uses another program id for the program, its PDAs and the event authority", () => {
    const other = key(99);
    const a = ix.addLiquidity({ owner: K.owner, pool: K.pool, stake: K.stake, ownerTokens: K.ownerTokens, maxTokensIn: 1n, programId: other });
    expect(a.programId.equals(other)).to.equal(true);
    expect(a.keys[1].pubkey.equals(pdas.protocol(other)[0])).to.equal(true);
    expect(a.keys[a.keys.length - 2].pubkey.equals(pdas.eventAuthority(other)[0])).to.equal(true);
    expect(a.keys[a.keys.length - 1].pubkey.equals(other)).to.equal(true);
  });

  it("takes a verifier to slash by its account or by its authority", () => {
    const byAccount = ix.slashVerifier({ admin: K.admin, verifier: K.verifier, utilityMint: K.utilityMint, amount: 1 });
    expect(byAccount.keys[2].pubkey.equals(K.verifier)).to.equal(true);
    expect(byAccount.keys[3].pubkey.equals(pdas.verifierVault(K.verifier)[0])).to.equal(true);
  });

  it("encodes every verdict outcome and an empty or multi-byte endpoint", () => {
    for (const outcome of ["pending", "pass", "late", "wrong", "noOpen", "noResponse", "expired"] as const) {
      const data: any = coder.instruction.decode(ix.submitVerdict({ ...verdict, outcome }).data)!.data;
      expect(Object.keys(data.args.outcome)[0].toLowerCase()).to.equal(outcome.toLowerCase());
    }
    const clear: any = coder.instruction.decode(ix.setDeviceEndpoint({ owner: K.owner, pool: K.pool, device: K.device, endpoint: "" }).data)!.data;
    expect(clear.endpoint).to.equal("");
    const max = "é".repeat(64); // 128 UTF-8 bytes
    const full: any = coder.instruction.decode(ix.setDeviceEndpoint({ owner: K.owner, pool: K.pool, device: K.device, endpoint: max }).data)!.data;
    expect(full.endpoint).to.equal(max);
  });

  it("encodes a lottery ticket on open_challenge (round, secret, path)", () => {
    const built = ix.openChallenge({
      authority: K.authority, pool: K.pool, device: K.device, stake: K.stake, deviceChallengeCount: 4n, paramsId: 1, nonceCommit: bytes(9),
      ticket: { round: 7n, secret: bytes(5), path: [bytes(1), bytes(2)] },
    });
    const data: any = coder.instruction.decode(built.data)!.data;
    expect(data.ticket.round.toString()).to.equal("7");
    expect(Array.from(data.ticket.secret)).to.deep.equal(new Array(32).fill(5));
    expect(data.ticket.path.map((h: number[]) => Array.from(h))).to.deep.equal([new Array(32).fill(1), new Array(32).fill(2)]);
    expect(() => ix.openChallenge({
      authority: K.authority, pool: K.pool, device: K.device, stake: K.stake, deviceChallengeCount: 4n, paramsId: 1, nonceCommit: bytes(9),
      ticket: { round: 7n, secret: bytes(5), path: [new Uint8Array(31)] },
    })).to.throw(/ticket\.path\[0\]/);
  });

  it("refuses bad proof-of-compute arguments with typed InvalidArgument errors", () => {
    const refused = (f: () => unknown, pattern: RegExp) => {
      let err: unknown;
      try {
        f();
      } catch (e) {
        err = e;
      }
      expect(err, String(pattern)).to.be.instanceOf(PinfiSdkError);
      expect((err as PinfiSdkError).category).to.equal("InvalidArgument");
      expect((err as PinfiSdkError).retryable).to.equal(false);
      expect((err as PinfiSdkError).message).to.match(pattern);
    };
    const endpoint = (e: string) => () => ix.setDeviceEndpoint({ owner: K.owner, pool: K.pool, device: K.device, endpoint: e });
    refused(endpoint("x".repeat(129)), /EndpointTooLong/);
    refused(endpoint("é".repeat(65)), /EndpointTooLong: endpoint is 130 bytes/);
    refused(() => ix.setVerifierEndpoint({ authority: K.authority, endpoint: "x".repeat(129) }), /EndpointTooLong/);
    refused(endpoint(42 as any), /endpoint must be a string/);
    const open = { authority: K.authority, pool: K.pool, device: K.device, stake: K.stake, deviceChallengeCount: 0, paramsId: 1, nonceCommit: bytes(1) };
    refused(() => ix.openChallenge({ ...open, nonceCommit: new Uint8Array(31) }), /nonceCommit must be 32 bytes/);
    refused(() => ix.openChallenge({ ...open, nonceCommit: [...bytes(1).subarray(1), 256] }), /nonceCommit must be 32 bytes/);
    refused(() => ix.openChallenge({ ...open, paramsId: 65_536 }), /cannot encode open_challenge/);
    refused(() => ix.openChallenge({ ...open, deviceChallengeCount: -1n }), /seed/);
    for (const field of ["nonce", "root", "walkRoot", "evidenceHash"] as const) {
      refused(() => ix.submitVerdict({ ...verdict, [field]: new Uint8Array(33) }), new RegExp(`${field} must be 32 bytes`));
    }
    refused(() => ix.submitVerdict({ ...verdict, elapsedMs: 2 ** 32 }), /cannot encode submit_verdict/);
    refused(() => ix.submitVerdict({ ...verdict, outcome: "passed" as any }), /cannot encode submit_verdict/);
    refused(() => ix.registerVerifier({ authority: K.authority, authorityTokens: K.authorityTokens, utilityMint: K.utilityMint, amount: 2n ** 64n }), /cannot encode/);
    refused(() => ix.slashVerifier({ admin: K.admin, verifier: K.verifier, utilityMint: K.utilityMint, amount: -1 }), /cannot encode/);
    refused(() => ix.updateProtocol({ admin: K.admin, verification: { ...verification, strikesToFail: 256 } }), /cannot encode update_protocol/);
    refused(() => ix.registerDevice({ owner: K.owner, deviceKey: K.deviceKey, pool: K.pool, specsHash: new Uint8Array(16) }), /specsHash must be 32 bytes/);
  });

  it("nonceCommitment is SHA-256 of the nonce; randomNonce gives fresh 32 bytes", async () => {
    const nonce = bytes(9);
    const want = createHash("sha256").update(nonce).digest();
    expect(Buffer.from(await ix.nonceCommitment(nonce)).equals(want)).to.equal(true);
    const [a, b] = [ix.randomNonce(), ix.randomNonce()];
    expect(a).to.have.lengthOf(32);
    expect(Buffer.from(a).equals(Buffer.from(b))).to.equal(false);
    let err: unknown;
    await ix.nonceCommitment(new Uint8Array(8)).catch((e) => (err = e));
    expect(err).to.be.instanceOf(PinfiSdkError);
  });

  it("refuses what it cannot encode, with typed errors", () => {
    expect(() => ix.createPool({ creator: K.creator, utilityMint: K.utilityMint, gpuClass: "H100 SXM", params: poolParams })).to.throw(PinfiSdkError, /InvalidGpuClass/);
    expect(() => ix.addLiquidity({ owner: K.owner, pool: K.pool, stake: K.stake, ownerTokens: K.ownerTokens, maxTokensIn: 2n ** 64n })).to.throw(PinfiSdkError, /cannot encode/);
    expect(() => ix.addLiquidity({ owner: K.owner, pool: K.pool, stake: K.stake, ownerTokens: K.ownerTokens, maxTokensIn: -1n })).to.throw(PinfiSdkError);
  });
});
