/**
 * The cluster's part of `npm run bench` (issue 15): the case list (REST) and the inbox page p95
 * under 20 simulated staff, through HAProxy to two app servers on the primary and its streaming
 * standby, against one app server on the primary alone — same load, same data, same run. And the
 * primary's share of the read statements (pg_stat_statements on both databases): the goal is that
 * reads move off the primary without the p95 growing. Bounded loops on loopback only.
 */
import pg from "pg";
import { Cluster, type AppServer } from "./cluster";
import demo from "@/prisma/seed/demo-data.json";

export interface ClusterBenchResult {
  listP95Solo: number;
  listP95Cluster: number;
  inboxP95Solo: number;
  inboxP95Cluster: number;
  /** Of the read statements both databases ran during the cluster phase, the primary's share. */
  primaryReadShare: number;
  /** The same share in the baseline phase (all reads on the primary: 1). */
  primaryReadShareSolo: number;
}

const STAFF = 20;
const ROUNDS = Number(process.env.BENCH_CLUSTER_ROUNDS ?? 4);
const BLOCKS = Number(process.env.BENCH_CLUSTER_BLOCKS ?? 3);
const USERS = ["caseworker1", "caseworker2", "supervisor1"];

function percentile(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

/** A browser session by the real sign-in (next-auth's credentials flow): its cookie header. */
async function signIn(base: string, username: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const jar = new Map<string, string>();
  const keep = (r: Response) => {
    for (const c of r.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const r = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ username, password: demo.password, csrfToken, json: "true" }),
  });
  keep(r);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in of ${username} failed (${r.status})`);
  return cookie();
}

async function token(base: string, username: string): Promise<string> {
  const r = await fetch(`${base}/api/v1/auth/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: demo.password }),
  });
  if (r.status !== 200) throw new Error(`token for ${username}: ${r.status}`);
  return ((await r.json()) as { token: string }).token;
}

async function timed(url: string, headers: Record<string, string>): Promise<number> {
  const start = performance.now();
  const r = await fetch(url, { headers });
  await r.arrayBuffer();
  if (r.status !== 200) throw new Error(`${url}: ${r.status}`);
  return performance.now() - start;
}

/** 20 staff, each ROUNDS times: their case list (REST) and their inbox page. */
interface Session {
  cookie: string;
  bearer: string;
}

async function load(base: string, sessions: Session[]): Promise<{ list: number[]; inbox: number[] }> {
  const list: number[] = [];
  const inbox: number[] = [];
  // Warm every server behind `base` (first renders compile and fill caches).
  for (let i = 0; i < 6; i++) {
    const s = sessions[i % sessions.length];
    await timed(`${base}/api/v1/cases?limit=50`, { authorization: `Bearer ${s.bearer}` });
    await timed(`${base}/inbox`, { cookie: s.cookie });
  }
  await Promise.all(
    Array.from({ length: STAFF }, async (_, i) => {
      const s = sessions[i % sessions.length];
      for (let round = 0; round < ROUNDS; round++) {
        list.push(await timed(`${base}/api/v1/cases?limit=50`, { authorization: `Bearer ${s.bearer}`, "accept-language": "zh-CN" }));
        inbox.push(await timed(`${base}/inbox`, { cookie: s.cookie, "accept-language": "zh-CN" }));
      }
    }),
  );
  return { list, inbox };
}

/** Calls of read statements (SELECT, WITH … SELECT) in the cluster's database, since the last reset. */
async function readCalls(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ n: string }>(
      `SELECT coalesce(sum(calls), 0)::text AS n FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
        WHERE d.datname = 'jingban' AND s.query ~* '^\\s*(select|with)\\M' AND s.query !~* 'pg_stat_statements'`,
    );
    return Number(rows[0].n);
  } finally {
    await c.end();
  }
}

async function resetStatements(cluster: Cluster): Promise<void> {
  for (const which of ["primary", "standby"] as const) {
    const c = new pg.Client({ connectionString: cluster.databaseUrl(which) });
    await c.connect();
    await c.query("SELECT pg_stat_statements_reset()");
    await c.end();
  }
}

export async function benchCluster(log: (line: string) => void = console.log): Promise<ClusterBenchResult> {
  const cluster = new Cluster({ port: Number(process.env.BENCH_CLUSTER_PORT ?? 3180), pgPort: Number(process.env.BENCH_CLUSTER_PG_PORT ?? 55442), log });
  const solo: AppServer = { name: "solo", port: cluster.port + 9, url: `http://127.0.0.1:${cluster.port + 9}` };
  try {
    await cluster.start();
    await cluster.startApp(solo, { replica: false });

    // One sign-in per user serves both layouts: every server shares the session secret.
    const sessions = await Promise.all(USERS.map(async (u) => ({ cookie: await signIn(cluster.url, u), bearer: await token(cluster.url, u) })));
    // One unmeasured block each first: the standby's buffer cache and both servers' code start
    // cold, and the first block measured that rather than the layout.
    await load(solo.url, sessions);
    await load(cluster.url, sessions);
    // Blocks taken in turn, so both layouts see the same moments of a shared machine's load.
    const baseline = { list: [] as number[], inbox: [] as number[] };
    const spread = { list: [] as number[], inbox: [] as number[] };
    let [primary, standby, soloPrimary, soloStandby] = [0, 0, 0, 0];
    for (let block = 0; block < BLOCKS; block++) {
      await resetStatements(cluster);
      const s = await load(solo.url, sessions);
      soloPrimary += await readCalls(cluster.databaseUrl("primary"));
      soloStandby += await readCalls(cluster.databaseUrl("standby"));
      await resetStatements(cluster);
      const c = await load(cluster.url, sessions);
      primary += await readCalls(cluster.databaseUrl("primary"));
      standby += await readCalls(cluster.databaseUrl("standby"));
      baseline.list.push(...s.list);
      baseline.inbox.push(...s.inbox);
      spread.list.push(...c.list);
      spread.inbox.push(...c.inbox);
      log(`block ${block + 1}/${BLOCKS}: list p95 ${percentile(s.list, 95).toFixed(0)} / ${percentile(c.list, 95).toFixed(0)} ms, inbox p95 ${percentile(s.inbox, 95).toFixed(0)} / ${percentile(c.inbox, 95).toFixed(0)} ms (one server / cluster)`);
    }
    return {
      listP95Solo: percentile(baseline.list, 95),
      listP95Cluster: percentile(spread.list, 95),
      inboxP95Solo: percentile(baseline.inbox, 95),
      inboxP95Cluster: percentile(spread.inbox, 95),
      primaryReadShare: primary / Math.max(1, primary + standby),
      primaryReadShareSolo: soloPrimary / Math.max(1, soloPrimary + soloStandby),
    };
  } finally {
    cluster.killApp(solo);
    await cluster.stop();
  }
}

if (require.main === module) {
  benchCluster()
    .then((r) => {
      console.log(JSON.stringify(r, null, 2));
      console.log(`RATIO cluster_list_p95 ${(r.listP95Cluster / r.listP95Solo).toFixed(2)} <=1.2`);
      console.log(`RATIO cluster_inbox_p95 ${(r.inboxP95Cluster / r.inboxP95Solo).toFixed(2)} <=1.2`);
      console.log(`RATIO cluster_primary_read_share ${r.primaryReadShare.toFixed(2)} <=0.5`);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
