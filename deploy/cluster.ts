/**
 * A cluster on one machine, in the shape of a bureau's data centre (deploy/README.md): a
 * PostgreSQL primary and a streaming standby made with pg_basebackup (Debian's PostgreSQL, two
 * clusters of their own on two ports), two or more `next start` servers, and HAProxy in front.
 * `npm run demo:cluster` starts it with the demo seeded and stops everything on Ctrl-C; the
 * cluster suite (tests/cluster) drives the same functions.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import pg from "pg";

export interface ClusterOptions {
  /** The balancer's port; the app servers take the next ports, PostgreSQL its own two. */
  port?: number;
  apps?: number;
  pgPort?: number;
  /** Where the two database clusters, the logs and the HAProxy configuration live. */
  dir?: string;
  /** Build the app even when a build exists. */
  build?: boolean;
  log?: (line: string) => void;
}

export interface AppServer {
  name: string;
  port: number;
  url: string;
  process?: ChildProcess;
}

const root = path.resolve(__dirname, "..");
const nodeBin = (name: string) => path.join(root, "node_modules/.bin", name);

function pgBinDir(): string {
  const base = "/usr/lib/postgresql";
  const versions = fs.existsSync(base) ? fs.readdirSync(base).filter((v) => fs.existsSync(path.join(base, v, "bin/initdb"))) : [];
  if (!versions.length) throw new Error("PostgreSQL's server programs were not found under /usr/lib/postgresql (apt-get install postgresql)");
  return path.join(base, versions.sort((a, b) => Number(b) - Number(a))[0], "bin");
}

function haproxyBin(): string {
  const found = spawnSync("sh", ["-c", "command -v haproxy"], { encoding: "utf8" }).stdout.trim();
  if (!found) throw new Error("HAProxy was not found on PATH (apt-get install haproxy)");
  return found;
}

/** PostgreSQL refuses to run as root: as root, its programs run as the postgres user. */
function asPostgres(program: string, args: string[]): { command: string; args: string[] } {
  return process.getuid?.() === 0 ? { command: "runuser", args: ["-u", "postgres", "--", program, ...args] } : { command: program, args };
}

function runSync(program: string, args: string[], env: NodeJS.ProcessEnv = process.env): string {
  const result = spawnSync(program, args, { encoding: "utf8", env, cwd: root });
  if (result.status !== 0) throw new Error(`${program} ${args.join(" ")} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

function pgSync(program: string, args: string[]): string {
  const { command, args: full } = asPostgres(path.join(pgBinDir(), program), args);
  return runSync(command, full);
}

async function waitFor(what: string, check: () => Promise<boolean>, seconds = 90): Promise<void> {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${what} did not come up within ${seconds} s`);
}

export class Cluster {
  readonly port: number;
  readonly pgPort: number;
  readonly dir: string;
  readonly apps: AppServer[];
  private haproxy?: ChildProcess;
  private secrets: { nextAuthSecret: string; signingKey: string };
  /** After a promotion the app servers read and write the promoted standby alone. */
  private promoted = false;
  private log: (line: string) => void;

  constructor(options: ClusterOptions = {}) {
    this.port = options.port ?? 3170;
    this.pgPort = options.pgPort ?? 55432;
    this.dir = options.dir ?? path.join(os.tmpdir(), `jingban-cluster-${this.port}`);
    this.apps = Array.from({ length: options.apps ?? 2 }, (_, i) => ({
      name: `app-${i + 1}`,
      port: this.port + 1 + i,
      url: `http://127.0.0.1:${this.port + 1 + i}`,
    }));
    this.log = options.log ?? ((line) => console.log(`[cluster] ${line}`));
    const { privateKey } = crypto.generateKeyPairSync("ed25519");
    this.secrets = {
      nextAuthSecret: crypto.randomBytes(32).toString("base64url"),
      signingKey: Buffer.from(privateKey.export({ type: "pkcs8", format: "pem" }).toString()).toString("base64"),
    };
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }
  databaseUrl(which: "primary" | "standby", database = "jingban"): string {
    return `postgresql://postgres@127.0.0.1:${which === "primary" ? this.pgPort : this.pgPort + 1}/${database}`;
  }
  private dataDir(which: "primary" | "standby") {
    return path.join(this.dir, which);
  }

  /** Both databases, migrated and seeded on the primary, the standby streaming from it. */
  async startDatabases(): Promise<void> {
    // A cluster left running in this directory by an earlier run that was not stopped.
    this.stopDatabases();
    fs.rmSync(this.dir, { recursive: true, force: true });
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    if (process.getuid?.() === 0) runSync("chown", ["postgres:postgres", this.dir]);
    const primary = this.dataDir("primary");
    this.log(`initdb ${primary}`);
    pgSync("initdb", ["-D", primary, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale"]);
    const conf = [
      `port = ${this.pgPort}`,
      "listen_addresses = '127.0.0.1'",
      `unix_socket_directories = '${this.dir}'`,
      "wal_level = replica",
      "max_wal_senders = 5",
      "hot_standby = on",
      "max_connections = 200",
      "shared_preload_libraries = 'pg_stat_statements'",
      "pg_stat_statements.track = all",
    ].join("\n");
    const { command: sh, args: shArgs } = asPostgres("sh", ["-c", `cat >> '${primary}/postgresql.conf' && printf 'host replication all 127.0.0.1/32 trust\\n' >> '${primary}/pg_hba.conf'`]);
    const appended = spawnSync(sh, shArgs, { input: `\n${conf}\n`, encoding: "utf8" });
    if (appended.status !== 0) throw new Error(`configuring the primary failed: ${appended.stderr}`);
    pgSync("pg_ctl", ["-D", primary, "-l", path.join(this.dir, "primary.log"), "-w", "start"]);

    const admin = new pg.Client({ connectionString: this.databaseUrl("primary", "postgres") });
    await admin.connect();
    await admin.query("CREATE DATABASE jingban");
    await admin.end();
    const db = new pg.Client({ connectionString: this.databaseUrl("primary") });
    await db.connect();
    await db.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    await db.end();

    const env = { ...process.env, DATABASE_URL: this.databaseUrl("primary"), DATABASE_REPLICA_URL: "" };
    this.log("migrating and seeding the demo on the primary");
    runSync(nodeBin("prisma"), ["migrate", "deploy"], env);
    runSync(nodeBin("tsx"), ["prisma/seed/main.ts"], env);

    const standby = this.dataDir("standby");
    this.log(`pg_basebackup → ${standby}`);
    pgSync("pg_basebackup", ["-h", "127.0.0.1", "-p", String(this.pgPort), "-U", "postgres", "-D", standby, "-R", "-X", "stream", "-c", "fast"]);
    const { command: sh2, args: sh2Args } = asPostgres("sh", ["-c", `printf '\\nport = ${this.pgPort + 1}\\n' >> '${standby}/postgresql.auto.conf'`]);
    runSync(sh2, sh2Args);
    pgSync("pg_ctl", ["-D", standby, "-l", path.join(this.dir, "standby.log"), "-w", "start"]);
    await waitFor("the standby", async () => {
      const c = new pg.Client({ connectionString: this.databaseUrl("standby") });
      await c.connect();
      try {
        return (await c.query<{ r: boolean }>("SELECT pg_is_in_recovery() AS r")).rows[0].r;
      } finally {
        await c.end();
      }
    });
  }

  build(force = false): void {
    if (!force && fs.existsSync(path.join(root, ".next/BUILD_ID"))) return;
    this.log("building the app (next build)");
    runSync(nodeBin("next"), ["build"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
  }

  appEnv(app: AppServer, options: { replica?: boolean } = {}): NodeJS.ProcessEnv {
    const replica = options.replica ?? !this.promoted;
    return {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(app.port),
      JINGBAN_NODE_NAME: app.name,
      DATABASE_URL: this.databaseUrl(this.promoted ? "standby" : "primary"),
      DATABASE_REPLICA_URL: replica ? this.databaseUrl("standby") : "",
      NEXTAUTH_URL: this.url,
      NEXTAUTH_SECRET: this.secrets.nextAuthSecret,
      JINGBAN_SIGNING_KEY: this.secrets.signingKey,
    };
  }

  /** Starts a server; `replica: false` makes one that reads the primary alone (the bench's baseline). */
  async startApp(app: AppServer, options: { replica?: boolean } = {}): Promise<void> {
    const out = fs.openSync(path.join(this.dir, `${app.name}.log`), "a");
    // Its own process group: `next start` forks next-server, which a plain kill would leave running.
    app.process = spawn(nodeBin("next"), ["start", "-p", String(app.port), "-H", "127.0.0.1"], {
      cwd: root, env: this.appEnv(app, options), detached: true, stdio: ["ignore", out, out],
    });
    await waitFor(app.name, async () => (await fetch(`${app.url}/api/health`)).status === 200);
    this.log(`${app.name} serves on ${app.url}`);
  }

  /** SIGKILL, as a crash: no graceful shutdown. */
  killApp(app: AppServer): void {
    if (!app.process?.pid) return;
    try {
      process.kill(-app.process.pid, "SIGKILL");
    } catch {
      app.process.kill("SIGKILL");
    }
    app.process = undefined;
  }

  async startBalancer(): Promise<void> {
    const cfg = path.join(this.dir, "haproxy.cfg");
    fs.writeFileSync(cfg, [
      "global",
      "  maxconn 2000",
      "defaults",
      "  mode http",
      "  timeout connect 2s",
      "  timeout client 120s",
      "  timeout server 120s",
      // A request that could not reach a server (refused connection) goes to another one.
      // Never `empty-response`: a server killed after committing but before answering would
      // have the same POST applied again on the other one (the cluster suite caught exactly that).
      "  retries 3",
      "  option redispatch",
      "  retry-on conn-failure",
      "frontend web",
      `  bind 127.0.0.1:${this.port}`,
      "  default_backend apps",
      "backend apps",
      "  balance roundrobin",
      "  option httpchk GET /api/health",
      "  http-check expect status 200",
      "  default-server inter 1s fall 2 rise 1",
      // Which server answered, on every answer (the app names itself only on /api/health).
      "  http-response set-header x-served-by %[srv_name]",
      ...this.apps.map((a) => `  server ${a.name} 127.0.0.1:${a.port} check`),
      "",
    ].join("\n"));
    const out = fs.openSync(path.join(this.dir, "haproxy.log"), "a");
    this.haproxy = spawn(haproxyBin(), ["-f", cfg, "-db"], { detached: true, stdio: ["ignore", out, out] });
    await waitFor("HAProxy", async () => (await fetch(`${this.url}/api/health`)).status === 200);
    this.log(`balancer on ${this.url}`);
  }

  async start(options: { build?: boolean } = {}): Promise<void> {
    await this.startDatabases();
    this.build(options.build);
    for (const app of this.apps) await this.startApp(app);
    await this.startBalancer();
  }

  /**
   * The drill: stop the primary, promote the standby, and restart the app servers on it alone.
   */
  async promote(): Promise<void> {
    this.log("stopping the primary, promoting the standby");
    pgSync("pg_ctl", ["-D", this.dataDir("primary"), "-m", "fast", "-w", "stop"]);
    pgSync("pg_ctl", ["-D", this.dataDir("standby"), "-w", "promote"]);
    this.promoted = true;
    for (const app of this.apps) {
      this.killApp(app);
      await this.startApp(app);
    }
  }

  async stop(): Promise<void> {
    for (const app of this.apps) this.killApp(app);
    if (this.haproxy?.pid) {
      try {
        process.kill(-this.haproxy.pid, "SIGKILL");
      } catch {
        this.haproxy.kill("SIGKILL");
      }
    }
    this.stopDatabases();
  }

  private stopDatabases(): void {
    for (const which of ["standby", "primary"] as const) {
      if (fs.existsSync(path.join(this.dataDir(which), "postmaster.pid")))
        try {
          pgSync("pg_ctl", ["-D", this.dataDir(which), "-m", "fast", "-w", "stop"]);
        } catch (error) {
          this.log(`stopping the ${which} failed: ${error instanceof Error ? error.message : String(error)}`);
        }
    }
  }
}

async function main() {
  const cluster = new Cluster({ port: Number(process.env.PORT ?? 3170), apps: Number(process.env.APPS ?? 2), build: process.argv.includes("--build") });
  const stop = () => {
    void cluster.stop().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  try {
    await cluster.start({ build: process.argv.includes("--build") });
  } catch (error) {
    console.error("[cluster] start failed:", error instanceof Error ? error.message : error);
    await cluster.stop();
    process.exit(1);
  }
  console.log(`[cluster] open ${cluster.url} (demo users as in the README); health: ${cluster.url}/api/health; Ctrl-C stops everything`);
}

if (require.main === module) void main();
