// One builder per program instruction: one object argument, every PDA derived here, accounts in
// the IDL's order (checked against @pinfi/idl by test/instructions.test.ts).
export * from "./common";
export * from "./initializeProtocol";
export * from "./updateProtocol";
export * from "./markStakeFailed";
export * from "./slashVerifier";
export * from "./createPool";
export * from "./registerDevice";
export * from "./burnForCertificate";
export * from "./createStake";
export * from "./addLiquidity";
export * from "./sellHours";
export * from "./setDeviceEndpoint";
export * from "./registerVerifier";
export * from "./unbondVerifier";
export * from "./withdrawVerifier";
export * from "./openChallenge";
export * from "./submitVerdict";
export * from "./expireChallenge";
export * from "./buyHours";
export * from "./extendRental";
export * from "./terminateRental";
export * from "./settleStake";
export * from "./poolSnapshot";
