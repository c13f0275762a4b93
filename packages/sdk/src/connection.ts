import { Commitment, Connection, ConnectionConfig } from "@solana/web3.js";

export interface ConnectionForOptions extends ConnectionConfig {
  /**
   * A local test validator whose blockhashes live about a second: web3.js would otherwise reuse
   * a cached blockhash that has already expired there.
   */
  localnet?: boolean;
}

/** A web3 Connection (default commitment `"confirmed"`), tuned for a localnet only when asked. */
export function connectionFor(url: string, opts: ConnectionForOptions = {}): Connection {
  const { localnet, ...config } = opts;
  const connection = new Connection(url, { commitment: "confirmed" as Commitment, ...config });
  if (localnet) (connection as unknown as { _disableBlockhashCaching: boolean })._disableBlockhashCaching = true;
  return connection;
}
