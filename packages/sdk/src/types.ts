// Plain SDK types derived from the IDL (so they follow the program): camelCase, bigint for
// 64/128-bit integers, `number` for u8/u16/u32, `StakeKind` as a string.
import type { Pinfi } from "@pinfi/idl";
import type { IdlAccounts, IdlEvents, IdlTypes } from "./anchor";
import type { Plain } from "./idl";

export type { StakeKind, ChallengeOutcome, FailReason, RentalStatus } from "./idl";

type A = IdlAccounts<Pinfi>;
export type Protocol = Plain<A["protocol"]>;
export type Pool = Plain<A["pool"]>;
export type Device = Plain<A["device"]>;
export type BurnCertificate = Plain<A["burnCertificate"]>;
export type Stake = Plain<A["stake"]>;
export type Rental = Plain<A["rental"]>;
export type Verifier = Plain<A["verifier"]>;
export type Challenge = Plain<A["challenge"]>;
export type Epoch = Plain<A["epoch"]>;
export type PoolEpoch = Plain<A["poolEpoch"]>;

type T = IdlTypes<Pinfi>;
export type PoolParams = Plain<T["poolParams"]>;
export type ProtocolParams = Plain<T["protocolParams"]>;
export type ReserveState = Plain<T["reserveState"]>;
export type UpdateProtocolArgs = Plain<T["updateProtocolArgs"]>;
export type VerificationParams = Plain<T["verificationParams"]>;
export type VerdictArgs = Plain<T["verdictArgs"]>;
export type StrikeRecord = Plain<T["strikeRecord"]>;
export type EmissionParams = Plain<T["emissionParams"]>;
export type CensusState = Plain<T["censusState"]>;

type E = IdlEvents<Pinfi>;
/** Every event, by its Rust name, with its plain data. */
export type PinfiEvent = { [K in keyof E & string]: { name: Capitalize<K>; data: Plain<E[K]> } }[keyof E & string];
export type PinfiEventName = PinfiEvent["name"];
export type EventOf<N extends PinfiEventName> = Extract<PinfiEvent, { name: N }>["data"];
