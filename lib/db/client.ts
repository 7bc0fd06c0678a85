import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, Prisma } from "@/lib/generated/prisma/client";

export { Prisma };
export type { PrismaClient };

function createClient(url: string) {
  const adapter = new PrismaPg({
    connectionString: url,
    max: Number(process.env.DATABASE_POOL_MAX ?? 10),
    // A statement that runs away must not hold a connection forever.
    statement_timeout: 30_000,
  });
  return new PrismaClient({
    adapter,
    // Password hashes never leave lib/auth by accident: they must be selected explicitly.
    omit: { user: { passwordHash: true } },
    transactionOptions: { maxWait: 10_000, timeout: 20_000 },
  });
}
export type Db = ReturnType<typeof createClient>;
/** The client inside `db.$transaction(async (tx) => …)`. */
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

const globalForDb = globalThis as unknown as { jingbanDb?: Db; jingbanDbUrl?: string };

/**
 * One client per process, kept on globalThis so that Next.js dev reloads do not open new pools.
 * DATABASE_URL is read when first used: `npm start` sets it for the embedded database.
 */
export function getDb(): Db {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start` (embedded) or set it.");
  if (!globalForDb.jingbanDb || globalForDb.jingbanDbUrl !== url) {
    globalForDb.jingbanDb = createClient(url);
    globalForDb.jingbanDbUrl = url;
  }
  return globalForDb.jingbanDb;
}

/** The database client. A proxy so that importing it does not require DATABASE_URL yet. */
export const db: Db = new Proxy({} as Db, {
  get(_target, prop) {
    const client = getDb() as unknown as Record<PropertyKey, unknown>;
    const value = client[prop];
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(client) : value;
  },
});

export async function disconnectDb(): Promise<void> {
  if (globalForDb.jingbanDb) await globalForDb.jingbanDb.$disconnect();
  globalForDb.jingbanDb = undefined;
}
