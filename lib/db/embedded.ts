/**
 * Embedded PostgreSQL for the one-command demo: PGlite (PostgreSQL in WASM) persisted under
 * .data/, served on 127.0.0.1 through pglite-socket so that the app, the seed and the Prisma CLI
 * all use the same adapter-pg code path as a real server. Limits (shared/STACK.md): one backend
 * session serialises every query; no shadow database (only `migrate deploy`); bind to
 * 127.0.0.1 only because it accepts any password.
 */
import path from "node:path";
import fs from "node:fs";
import net from "node:net";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

async function freePort(preferred: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const srv = net.createServer();
      srv.once("error", reject);
      srv.listen(port, "127.0.0.1", () => {
        const { port: p } = srv.address() as net.AddressInfo;
        srv.close(() => resolve(p));
      });
    });
  return tryPort(preferred).catch(() => tryPort(0));
}

export async function startEmbeddedDatabase(dataDir: string, preferredPort = 54329): Promise<EmbeddedDatabase> {
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const pglite = await PGlite.create(dataDir);
  const port = await freePort(preferredPort);
  // maxConnections must be ≥ the pool's max, or a pool fails (the default is 1).
  const server = new PGLiteSocketServer({ db: pglite, port, host: "127.0.0.1", maxConnections: 64 });
  await server.start();
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      await pglite.close();
    },
  };
}
