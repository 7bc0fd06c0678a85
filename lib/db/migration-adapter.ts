/**
 * The driver adapter the Prisma CLI uses for migrations (prisma.config.ts, `engine: "js"`).
 * Prisma 6.19's WASM schema engine runs on @prisma/adapter-pg, which needs four fixes here.
 * Each was met on these machines (shared/STACK.md "Prisma"); do not remove one without
 * re-running `prisma migrate deploy` and `prisma migrate dev` on a fresh database.
 * No `@/` imports: the Prisma CLI loads this file without the app's path aliases.
 */
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";

// Catalog column types adapter-pg 6.19 cannot map: name (19) in `migrate deploy`, "char" (18)
// in `migrate dev`/`diff`, and their arrays. Reported as text (25) / text[] (1009), which is
// what they are as far as the schema engine cares.
const TEXT = 25;
const TEXT_ARRAY = 1009;
const remap: Record<number, number> = { 18: TEXT, 19: TEXT, 1002: TEXT_ARRAY, 1003: TEXT_ARRAY };

type Field = { dataTypeID: number };
function patchFields<T>(result: T): T {
  const list = Array.isArray(result) ? result : [result];
  for (const r of list as Array<{ fields?: Field[] }>) {
    for (const f of r?.fields ?? []) if (remap[f.dataTypeID]) f.dataTypeID = remap[f.dataTypeID];
  }
  return result;
}

function patchQuery<C extends { query: (...args: never[]) => unknown }>(target: C): C {
  const original = target.query.bind(target) as (...args: unknown[]) => unknown;
  (target as { query: unknown }).query = (...args: unknown[]) => {
    const out = original(...args);
    return out instanceof Promise ? out.then(patchFields) : out;
  };
  return target;
}

class CatalogSafePool extends pg.Pool {
  constructor(config: pg.PoolConfig) {
    // allowExitOnIdle: without it every CLI command hangs ~10 s at the end on idle clients.
    super({ ...config, allowExitOnIdle: true, max: 4 });
    patchQuery(this);
    // Interactive transactions use clients from connect(): patch those too.
    const connect = this.connect.bind(this) as () => Promise<pg.PoolClient>;
    (this as { connect: unknown }).connect = async (...args: unknown[]) => {
      if (args.length) return (connect as (...a: unknown[]) => unknown)(...args);
      const client = await connect();
      if (!(client as { __jingbanPatched?: boolean }).__jingbanPatched) {
        patchQuery(client);
        (client as { __jingbanPatched?: boolean }).__jingbanPatched = true;
      }
      return client;
    };
  }
}

/** Replaces the database name in a postgres URL (the shadow database lives beside the main one). */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;

/**
 * adapter-pg applies a migration file by splitting it on ';', which breaks function bodies
 * (the append-only audit trigger is one). Send the whole file as one simple-protocol query.
 */
function wholeScript(adapter: Adapter, pool: pg.Pool): Adapter {
  (adapter as { executeScript: (script: string) => Promise<void> }).executeScript = async (
    script: string,
  ) => {
    try {
      await pool.query(script);
    } catch (error) {
      (adapter as unknown as { onError(e: unknown): never }).onError(error);
    }
  };
  return adapter;
}

export class MigrationAdapterFactory extends PrismaPg {
  constructor(private readonly url: string) {
    super(new CatalogSafePool({ connectionString: url }));
  }

  override async connect() {
    const pool = (this as unknown as { externalPool: pg.Pool }).externalPool;
    return wholeScript(await super.connect(), pool);
  }

  /**
   * adapter-pg's own version passes `database` beside `connectionString`, and pg lets the
   * connection string win, so it silently "shadows" the main database and `migrate dev` fails
   * with "already exists". Build the shadow URL by replacing the path instead.
   */
  override async connectToShadowDb() {
    const name = `jingban_shadow_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
    const admin = new pg.Client({ connectionString: this.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const shadowPool = new CatalogSafePool({ connectionString: withDatabase(this.url, name) });
    const adapter = wholeScript(await new PrismaPg(shadowPool).connect(), shadowPool);
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await shadowPool.end().catch(() => undefined);
      const dropper = new pg.Client({ connectionString: this.url });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await dropper.end();
    };
    return adapter;
  }
}
