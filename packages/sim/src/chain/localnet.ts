// The embedded localnet binary, started through the one shared launcher.
export { localnetBinary, startLocalnet } from "@pinfi/localnet";
export type { Localnet } from "@pinfi/localnet";
