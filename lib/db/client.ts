import { AsyncLocalStorage } from "node:async_hooks";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, Prisma } from "@/lib/generated/prisma/client";

export { Prisma };
export type { PrismaClient };

/**
 * Which connection a transaction opened by lib/db/sql.ts `transaction()` runs on. Prisma's pg
 * adapter checks a connection out of our pool for `$transaction` (one `connect()` call, in the
 * async context of the caller); the pool hands that connection to the slot of the context, so the
 * hot paths can run their SQL on the same connection, in the same transaction (decision 0008).
 */
export interface TransactionSlot {
  client?: pg.PoolClient;
  /** Set when Prisma ends the transaction and gives the connection back to the pool. */
  closed?: boolean;
}
// On globalThis like the client below: a bundler may load this module more than once (Next.js
// server chunks), and the pool made by one copy must see the slots of every copy.
const globalSlots = globalThis as unknown as { jingbanTransactionSlots?: AsyncLocalStorage<TransactionSlot> };
export const transactionSlots = (globalSlots.jingbanTransactionSlots ??= new AsyncLocalStorage<TransactionSlot>());

class JingbanPool extends pg.Pool {
  // Prisma's adapter takes a transaction's connection with the promise form; pool.query uses the
  // callback form, which is passed through untouched.
  connect(): Promise<pg.PoolClient>;
  connect(callback: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void): void;
  connect(callback?: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void) {
    if (callback) return super.connect(callback);
    const slot = transactionSlots.getStore();
    return super.connect().then((client) => {
      if (slot && !slot.client) {
        slot.client = client;
        const release = client.release;
        client.release = (error?: Error | boolean) => {
          slot.closed = true;
          client.release = release;
          return release.call(client, error);
        };
      }
      return client;
    });
  }
}

function createClient(url: string) {
  const pool = new JingbanPool({
    connectionString: url,
    max: Number(process.env.DATABASE_POOL_MAX ?? 10),
    // A statement that runs away must not hold a connection forever.
    statement_timeout: 30_000,
  });
  const adapter = new PrismaPg(pool);
  // The adapter takes a pool only if it is a pg.Pool of its own copy of pg; with two copies (a
  // bundler's and node_modules') it would quietly build a pool of its own and sqlOf(tx) would
  // never see a transaction's connection. Refuse to start instead.
  if ((adapter as unknown as { externalPool?: unknown }).externalPool !== pool)
    throw new Error("@prisma/adapter-pg did not accept the pg.Pool: two copies of pg are loaded (next.config.js serverExternalPackages)");
  const client = new PrismaClient({
    adapter,
    // Password hashes never leave lib/auth by accident: they must be selected explicitly.
    omit: { user: { passwordHash: true } },
    transactionOptions: { maxWait: 10_000, timeout: 20_000 },
  });
  return { client, pool };
}
export type Db = ReturnType<typeof createClient>["client"];
/** The client inside `db.$transaction(async (tx) => …)`. */
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

const globalForDb = globalThis as unknown as { jingbanDb?: Db; jingbanPool?: pg.Pool; jingbanDbUrl?: string };

/**
 * One client per process, kept on globalThis so that Next.js dev reloads do not open new pools.
 * DATABASE_URL is read when first used: `npm start` sets it for the embedded database.
 */
export function getDb(): Db {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start` (embedded) or set it.");
  if (!globalForDb.jingbanDb || globalForDb.jingbanDbUrl !== url) {
    const { client, pool } = createClient(url);
    globalForDb.jingbanDb = client;
    globalForDb.jingbanPool = pool;
    globalForDb.jingbanDbUrl = url;
  }
  return globalForDb.jingbanDb;
}

/** The pool under Prisma: lib/db/sql.ts reads through it, outside transactions. */
export function getPool(): pg.Pool {
  getDb();
  return globalForDb.jingbanPool!;
}

/** The database client. A proxy so that importing it does not require DATABASE_URL yet. */
export const db: Db = new Proxy({} as Db, {
  get(_target, prop) {
    const client = getDb() as unknown as Record<PropertyKey, unknown>;
    const value = client[prop];
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(client) : value;
  },
});

const globalForReplica = globalThis as unknown as { jingbanReplica?: { client: Db; pool: pg.Pool; url: string } };

/**
 * The read replica of DATABASE_REPLICA_URL (a streaming standby of the primary), or null when
 * none is configured. Only reads that tolerate a little lag go there, through tolerantRead() of
 * lib/db/sql.ts; everything that decides reads the primary (docs/decisions/0020).
 */
export function getReplica(): { client: Db; pool: pg.Pool } | null {
  const url = process.env.DATABASE_REPLICA_URL;
  if (!url) return null;
  if (!globalForReplica.jingbanReplica || globalForReplica.jingbanReplica.url !== url) {
    const old = globalForReplica.jingbanReplica;
    if (old) void old.client.$disconnect().then(() => old.pool.end()).catch(() => undefined);
    globalForReplica.jingbanReplica = { ...createClient(url), url };
  }
  return globalForReplica.jingbanReplica;
}

export async function disconnectDb(): Promise<void> {
  const replica = globalForReplica.jingbanReplica;
  globalForReplica.jingbanReplica = undefined;
  if (replica) {
    await replica.client.$disconnect();
    await replica.pool.end().catch(() => undefined);
  }
  // The adapter does not end a pool it was given: end it here.
  if (globalForDb.jingbanDb) await globalForDb.jingbanDb.$disconnect();
  if (globalForDb.jingbanPool) await globalForDb.jingbanPool.end().catch(() => undefined);
  globalForDb.jingbanDb = undefined;
  globalForDb.jingbanPool = undefined;
}
