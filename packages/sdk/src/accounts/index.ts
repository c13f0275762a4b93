export * from "./decode";
export * from "./protocol";
export * from "./pool";
export * from "./device";
export * from "./certificate";
export * from "./stake";
export * from "./rental";
