// Address lookup tables the keeper owns: append-only sets of the accounts its batches name
// (devices, owners, token accounts, stakes, shared pool accounts), extended ahead of need so
// they are warm (a slot old) when the stakes expire. v0 transactions then name an account with
// one byte instead of 32, which is what lets ≥ 20 settlements share a transaction.
import {
  AccountInfo,
  AddressLookupTableAccount,
  AddressLookupTableProgram,
  Connection,
  PublicKey,
  SYSVAR_SLOT_HASHES_PUBKEY,
  TransactionInstruction,
} from "@solana/web3.js";
import { sleep } from "./classify";
import { retried } from "./chain";

/** Addresses a table holds at most. */
export const TABLE_CAPACITY = 256;
/** Addresses per extend transaction (30 × 32 bytes + overhead stays under 1232). */
export const EXTEND_CHUNK = 27;
/** A deactivated table can be closed once its deactivation slot left the SlotHashes window (512). */
export const SLOT_HASHES_WINDOW = 513;
/** Offset of the authority (after the `Some` tag) in a lookup table account. */
const AUTHORITY_OFFSET = 22;

export type SendInstructions = (label: string, instructions: TransactionInstruction[]) => Promise<boolean>;

export class LookupTables {
  /** Table address → its addresses as last known (in order). */
  private tables = new Map<string, { key: PublicKey; addresses: PublicKey[]; lastExtendedSlot: number; startIndex: number }>();
  private where = new Map<string, string>();
  private current: string | null = null;
  /** Deactivated tables (their rent comes back once the deactivation is older than the slot-hash window) → deactivation slot. */
  private deactivating = new Map<string, number>();

  constructor(
    private readonly connection: Connection,
    private readonly authority: PublicKey,
    private readonly send: SendInstructions,
  ) {}

  get size(): number {
    return this.tables.size;
  }

  /** Finds the tables this authority already owns (after a restart); best effort. */
  async load(): Promise<void> {
    try {
      const found = await this.connection.getProgramAccounts(AddressLookupTableProgram.programId, {
        filters: [{ memcmp: { offset: AUTHORITY_OFFSET, bytes: this.authority.toBase58() } }],
      });
      for (const { pubkey, account } of found) {
        const state = AddressLookupTableAccount.deserialize(account.data);
        if (state.deactivationSlot !== BigInt("18446744073709551615")) {
          this.deactivating.set(pubkey.toBase58(), Number(state.deactivationSlot));
          continue;
        }
        this.remember(pubkey, state.addresses, state.lastExtendedSlot, state.lastExtendedSlotStartIndex);
      }
    } catch {
      // Some RPCs refuse getProgramAccounts here: start with no tables.
    }
  }

  private remember(key: PublicKey, addresses: PublicKey[], lastExtendedSlot: number, startIndex: number) {
    const k = key.toBase58();
    this.tables.set(k, { key, addresses, lastExtendedSlot, startIndex });
    for (const a of addresses) if (!this.where.has(a.toBase58())) this.where.set(a.toBase58(), k);
    if (addresses.length < TABLE_CAPACITY) this.current = k;
  }

  get pendingClose(): number {
    return this.deactivating.size;
  }

  /**
   * Deactivates every table holding none of `live` — the accounts of stakes not settled yet — so
   * its rent can be reclaimed. Accounts of such a table needed again later are simply appended to
   * a new table. Returns how many were deactivated.
   */
  async retire(live: Set<string>): Promise<number> {
    let n = 0;
    for (const [k, t] of [...this.tables]) {
      if (t.addresses.some((a) => live.has(a.toBase58()))) continue;
      const ix = AddressLookupTableProgram.deactivateLookupTable({ lookupTable: t.key, authority: this.authority });
      if (!(await this.send("deactivateLookupTable", [ix]))) continue;
      this.tables.delete(k);
      for (const a of t.addresses) if (this.where.get(a.toBase58()) === k) this.where.delete(a.toBase58());
      if (this.current === k) this.current = null;
      this.deactivating.set(k, await retried(() => this.connection.getSlot("processed")));
      n++;
    }
    return n;
  }

  /** Closes deactivated tables once they may be closed (deactivation older than 512 slot hashes); rent back to the keeper. */
  async reclaim(): Promise<number> {
    if (!this.deactivating.size) return 0;
    const slot = await retried(() => this.connection.getSlot("processed"));
    let n = 0;
    for (const [k, deactivatedAt] of [...this.deactivating]) {
      if (slot <= deactivatedAt + SLOT_HASHES_WINDOW) continue;
      const ix = AddressLookupTableProgram.closeLookupTable({ lookupTable: new PublicKey(k), authority: this.authority, recipient: this.authority });
      if (await this.send("closeLookupTable", [ix])) {
        this.deactivating.delete(k);
        n++;
      }
    }
    return n;
  }

  covers(address: PublicKey): boolean {
    return this.where.has(address.toBase58());
  }

  /**
   * A `recentSlot` for a new table: a slot of the SlotHashes sysvar (valid on any cluster; skipped
   * slots are not in it), newest first, not used for one of our tables yet — the table's address
   * derives from (authority, slot), so two tables created in one slot need two different slots.
   */
  private async recentSlot(): Promise<number | null> {
    const info = await retried(() => this.connection.getAccountInfo(SYSVAR_SLOT_HASHES_PUBKEY));
    if (!info || info.data.length < 8) return null;
    const n = Math.min(Number(info.data.readBigUInt64LE(0)), Math.floor((info.data.length - 8) / 40));
    for (let i = 0; i < n; i++) {
      const slot = Number(info.data.readBigUInt64LE(8 + i * 40));
      if (this.usedSlots.has(slot)) continue;
      const [, key] = AddressLookupTableProgram.createLookupTable({ authority: this.authority, payer: this.authority, recentSlot: slot });
      if (this.tables.has(key.toBase58())) continue;
      return slot;
    }
    return null;
  }
  private usedSlots = new Set<number>();

  /** Appends the addresses not yet in a table (creating tables as they fill). Returns false if a send failed. */
  async ensure(addresses: PublicKey[]): Promise<boolean> {
    const seen = new Set<string>();
    const missing = addresses.filter((a) => {
      const k = a.toBase58();
      if (this.where.has(k) || seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    let i = 0;
    while (i < missing.length) {
      let table = this.current ? this.tables.get(this.current)! : null;
      if (!table || table.addresses.length >= TABLE_CAPACITY) {
        const recentSlot = await this.recentSlot();
        if (recentSlot === null) return false; // every recent slot used: more tables next slot
        this.usedSlots.add(recentSlot);
        const [create, key] = AddressLookupTableProgram.createLookupTable({ authority: this.authority, payer: this.authority, recentSlot });
        if (!(await this.send("createLookupTable", [create]))) return false;
        this.remember(key, [], 0, 0);
        table = this.tables.get(key.toBase58())!;
      }
      const room = Math.min(EXTEND_CHUNK, TABLE_CAPACITY - table.addresses.length);
      const chunk = missing.slice(i, i + room);
      const extend = AddressLookupTableProgram.extendLookupTable({ lookupTable: table.key, authority: this.authority, payer: this.authority, addresses: chunk });
      if (!(await this.send("extendLookupTable", [extend]))) return false;
      const slot = await retried(() => this.connection.getSlot("processed"));
      this.remember(table.key, [...table.addresses, ...chunk], slot, table.addresses.length);
      i += chunk.length;
    }
    return true;
  }

  /**
   * The tables covering `addresses`, as usable right now: addresses appended in the current slot
   * are not resolvable until the next, so each table is cut to what is warm. Waits up to
   * `warmupMs` for the slot to move on when something needed is still cold.
   */
  async usable(addresses: PublicKey[], warmupMs: number): Promise<AddressLookupTableAccount[]> {
    const keys = new Set(addresses.map((a) => this.where.get(a.toBase58())).filter((k): k is string => !!k));
    // The chain's own view of each table (several extends in one slot share one start index).
    // getMultipleAccounts takes 100 keys at most: a large backlog spans more tables than that.
    const all = [...keys].map((k) => new PublicKey(k));
    const infos: (AccountInfo<Buffer> | null)[] = [];
    for (let i = 0; i < all.length; i += 100) infos.push(...(await retried(() => this.connection.getMultipleAccountsInfo(all.slice(i, i + 100), "processed"))));
    infos.forEach((info, i) => {
      if (!info) return;
      const state = AddressLookupTableAccount.deserialize(info.data);
      const t = this.tables.get([...keys][i])!;
      Object.assign(t, { addresses: state.addresses, lastExtendedSlot: state.lastExtendedSlot, startIndex: state.lastExtendedSlotStartIndex });
    });
    const needed = [...keys].map((k) => this.tables.get(k)!);
    const newest = Math.max(0, ...needed.map((t) => t.lastExtendedSlot));
    let slot = await retried(() => this.connection.getSlot("processed"));
    const deadline = Date.now() + warmupMs;
    while (slot <= newest && Date.now() < deadline) {
      await sleep(Math.min(200, warmupMs));
      slot = await retried(() => this.connection.getSlot("processed"));
    }
    return needed.map((t) => {
      const warm = slot > t.lastExtendedSlot ? t.addresses : t.addresses.slice(0, t.startIndex);
      return new AddressLookupTableAccount({
        key: t.key,
        state: { deactivationSlot: BigInt("18446744073709551615"), lastExtendedSlot: t.lastExtendedSlot, lastExtendedSlotStartIndex: t.startIndex, authority: this.authority, addresses: warm },
      });
    });
  }
}
