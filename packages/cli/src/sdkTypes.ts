export type { Pool, Stake, Rental, Device, Protocol, Verifier, BurnCertificate, PinfiEvent } from "@pinfi/sdk";
