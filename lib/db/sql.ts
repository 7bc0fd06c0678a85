/**
 * Hand-written SQL for the hot paths (decision 0008): a case transition, the case list and the
 * inbox. Every Prisma statement costs ~1–2 ms of query planning in WebAssembly here (the client
 * engine of Prisma 6, decision 0001); the same statement over pg costs ~0.2 ms. These paths run
 * their SQL over pg — on the pool for reads, and inside a transaction on the very connection
 * Prisma's `$transaction` holds, so that Prisma and SQL statements of one unit of work commit or
 * roll back together.
 *
 * Values come back as pg gives them: numeric as decimal strings (never JavaScript numbers),
 * timestamptz as Date, jsonb parsed, uuid as string. Select `date` columns as `::text`.
 * Statements are written with the `q` template tag: every interpolated value is bound as a
 * parameter ($1, $2 …), never spliced into the text; fragments nest (`q\`… ${scope} …\``), and
 * only `raw()` — for text the code itself chose — enters the statement as text.
 */
import type pg from "pg";
import { getDb, getPool, getReplica, transactionSlots, type Db, type TransactionSlot, type Tx } from "./client";
import { noteCommit, readCounts, readTarget } from "./freshness";

/** A statement or a piece of one: text with its bound values. Build with `q`, `raw`, `join`. */
export class SqlFragment {
  constructor(
    readonly parts: readonly string[],
    readonly values: readonly unknown[],
  ) {}
}

/** q`SELECT … WHERE id = ${id}`: values become parameters; nested fragments are inlined. */
export function q(strings: TemplateStringsArray, ...values: unknown[]): SqlFragment {
  const parts: string[] = [strings[0]];
  const out: unknown[] = [];
  values.forEach((value, i) => {
    if (value instanceof SqlFragment) {
      parts[parts.length - 1] += value.parts[0];
      for (let k = 0; k < value.values.length; k++) {
        out.push(value.values[k]);
        parts.push(value.parts[k + 1]);
      }
      parts[parts.length - 1] += strings[i + 1];
    } else {
      out.push(value);
      parts.push(strings[i + 1]);
    }
  });
  return new SqlFragment(parts, out);
}

/** Text the code chose itself (a column list, an alias, an ORDER BY): never user input. */
export function raw(text: string): SqlFragment {
  return new SqlFragment([text], []);
}

export function join(fragments: readonly SqlFragment[], separator: string): SqlFragment {
  if (fragments.length === 0) return raw("");
  return fragments.slice(1).reduce((acc, f) => q`${acc}${raw(separator)}${f}`, fragments[0]);
}

/** The text with $1 … $n and its values, as pg takes them. */
export function render(f: SqlFragment): { text: string; values: unknown[] } {
  let text = f.parts[0];
  for (let i = 1; i < f.parts.length; i++) text += `$${i}${f.parts[i]}`;
  return { text, values: bind(f.values) };
}

export interface Sql {
  /** The rows of one statement. */
  rows<T>(statement: SqlFragment): Promise<T[]>;
  /** The number of rows one statement changed. */
  exec(statement: SqlFragment): Promise<number>;
}

type Queryable = Pick<pg.Pool, "query"> | Pick<pg.PoolClient, "query">;

/** Dates are sent as ISO instants, objects as JSON text (pg would make arrays into PG arrays). */
function bind(params: readonly unknown[]): unknown[] {
  return params.map((p) =>
    p instanceof Date ? p.toISOString() : p !== null && typeof p === "object" && !(p instanceof Uint8Array) ? JSON.stringify(p) : p);
}

function over(target: () => Queryable): Sql {
  return {
    async rows<T>(statement: SqlFragment) {
      const { text, values } = render(statement);
      return (await target().query(text, values)).rows as T[];
    },
    async exec(statement: SqlFragment) {
      const { text, values } = render(statement);
      return (await target().query(text, values)).rowCount ?? 0;
    },
  };
}

/** SQL on the pool, for reads outside a transaction. */
export const sql: Sql = over(() => getPool());

// Shared by every copy of this module (see transactionSlots in client.ts).
const globalSlots = globalThis as unknown as { jingbanSlotOf?: WeakMap<object, TransactionSlot> };
const slotOf = (globalSlots.jingbanSlotOf ??= new WeakMap<object, TransactionSlot>());

/**
 * SQL on the connection of `tx`, a transaction opened by `transaction()` below. Anything else
 * is a programming error and fails loudly, never silently on another connection.
 */
export function sqlOf(tx: Tx): Sql {
  const slot = slotOf.get(tx);
  if (!slot?.client) throw new Error("sqlOf(tx): tx was not opened by transaction() of lib/db/sql.ts");
  const client = slot.client;
  return over(() => {
    if (slot.closed) throw new Error("sqlOf(tx): the transaction has ended");
    return client;
  });
}

export interface TransactionOptions {
  maxWait?: number;
  timeout?: number;
}

/**
 * `db.$transaction(work)` whose `tx` also answers `sqlOf(tx)`. The only way the application
 * opens a transaction.
 */
export async function transaction<T>(work: (tx: Tx) => Promise<T>, options?: TransactionOptions): Promise<T> {
  const slot: TransactionSlot = {};
  const result = await transactionSlots.run(slot, () =>
    getDb().$transaction(async (tx) => {
      slotOf.set(tx, slot);
      return work(tx);
    }, options),
  );
  // Committed: this user's next reads wait for the replica to have it (lib/db/freshness.ts).
  await noteCommit();
  return result;
}

/** An error of the connection rather than of the statement: the server is down or unreachable. */
function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== "string") return false;
  return code.startsWith("08") || code.startsWith("57P") || ["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EHOSTUNREACH"].includes(code)
    || code === "P1001" || code === "P1017";
}

/**
 * A read that tolerates a little lag — case lists, inbox counts, dashboards, export, people
 * search — on the read replica when one is configured and has replayed the user's own last
 * commit, else on the primary (decision 0020). A read is safe to repeat: when the replica does
 * not answer, the work runs again on the primary. Nothing that decides (guards, compare-and-set,
 * chain, payments, certificate status) may read through here.
 */
export async function tolerantRead<T>(work: (reader: { db: Db; sql: Sql }) => Promise<T>): Promise<T> {
  const counts = readCounts();
  const replica = (await readTarget()) === "replica" ? getReplica() : null;
  if (replica) {
    try {
      const value = await work({ db: replica.client, sql: over(() => replica.pool) });
      counts.replica += 1;
      return value;
    } catch (error) {
      if (!isConnectionError(error)) throw error;
      counts.fallbacks += 1;
    }
  }
  counts.primary += 1;
  return work({ db: getDb(), sql });
}

/** PostgreSQL's SQLSTATE of a failed statement over pg, if it is one. */
export function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}
