export * from "./launcher";
export * from "./world";
