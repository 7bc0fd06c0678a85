import { Prisma, type Tx } from "@/lib/db/client";
import { sqlState, transaction } from "@/lib/db/sql";
import { Failure } from "./result";

/**
 * Runs a unit of service work in one transaction. Unique violations (a second payment, a month
 * refunded twice) and serialization failures of concurrent writers are conflicts, never 500s.
 */
export async function runInTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await transaction(work);
  } catch (error) {
    if (error instanceof Failure) throw error;
    if (error instanceof Prisma.PrismaClientKnownRequestError && ["P2002", "P2034", "P2028"].includes(error.code))
      throw new Failure("conflict", "errors.conflict");
    // The same, from a statement of lib/db/sql.ts: unique violation, serialization failure, deadlock.
    if (["23505", "40001", "40P01"].includes(sqlState(error) ?? "")) throw new Failure("conflict", "errors.conflict");
    throw error;
  }
}
