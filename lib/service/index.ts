export * from "./result";
export type { Actor } from "./actor";
export { runInTransaction } from "./transaction";
