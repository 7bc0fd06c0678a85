export * from "./types";
export * from "./tables";
export * from "./machine";
export * from "./guards";
