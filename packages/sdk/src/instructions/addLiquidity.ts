import { PublicKey } from "@solana/web3.js";
import { TOKEN_PROGRAM_ID } from "../constants";
import { protocol, vault } from "../pdas";
import { build, Int, meta, ProgramOption } from "./common";

export interface AddLiquidityArgs extends ProgramOption {
  owner: PublicKey;
  pool: PublicKey;
  stake: PublicKey;
  ownerTokens: PublicKey;
  /** Slippage bound on the equal-value tokens paid in. */
  maxTokensIn: Int;
}

export function addLiquidity(a: AddLiquidityArgs) {
  return build(
    "add_liquidity",
    { maxTokensIn: a.maxTokensIn },
    [
      meta(a.owner, "s"),
      meta(protocol(a.programId)[0]),
      meta(a.pool, "w"),
      meta(a.stake, "w"),
      meta(a.ownerTokens, "w"),
      meta(vault(a.pool, a.programId)[0], "w"),
      meta(TOKEN_PROGRAM_ID),
    ],
    a.programId,
  );
}
