// Migration hook run by `anchor migrate` / `anchor deploy` with a provider configured from Anchor.toml.
// PinFi has nothing to migrate yet: protocol and pool initialisation lands with the SDK.
import * as anchor from "@coral-xyz/anchor";
import { IDL } from "@pinfi/idl";

module.exports = async function (provider: anchor.AnchorProvider) {
  anchor.setProvider(provider);
  console.log(`pinfi program id: ${IDL.address} (cluster ${provider.connection.rpcEndpoint})`);
  console.log("nothing to migrate: protocol and pool initialisation lands with the SDK");
};
