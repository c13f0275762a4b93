// Anchor framework errors (100-5000) by number, from the pinned Anchor's own table.
import { LangErrorCode, LangErrorMessage } from "../anchor";

export type AnchorErrorName = keyof typeof LangErrorCode;

export const ANCHOR_ERROR_BY_CODE: ReadonlyMap<number, AnchorErrorName> = new Map(
  (Object.keys(LangErrorCode) as AnchorErrorName[]).map((name) => [LangErrorCode[name], name]),
);

export const anchorErrorMessage = (code: number): string | undefined => LangErrorMessage.get(code);
