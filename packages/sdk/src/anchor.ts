// The only module that imports @coral-xyz/anchor: a move to Anchor 1.x changes this file alone.
export { BN, BorshCoder, Program, AnchorProvider, EventParser, LangErrorCode, LangErrorMessage } from "@coral-xyz/anchor";
export type { Idl, IdlAccounts, IdlEvents, IdlTypes, Wallet } from "@coral-xyz/anchor";
import { utils } from "@coral-xyz/anchor";

export const bs58 = utils.bytes.bs58;
