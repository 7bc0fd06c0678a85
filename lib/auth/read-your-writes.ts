/**
 * The marker of lib/db/freshness.ts for requests of Next.js: the LSN of the browser's last commit
 * rides in a short-lived cookie, written by the server action or route handler that committed
 * and read by the pages and routes that follow (docs/decisions/0020). Outside a request (jobs,
 * the CLI, tests) and during a page render (which cannot set cookies) it does nothing.
 */
import { cookies } from "next/headers";
import { LSN, setFreshnessMarker } from "@/lib/db/freshness";

export const LSN_COOKIE = "jb_lsn";
/** Long enough for any lag a healthy standby has; after it the replica is trusted again. */
export const LSN_COOKIE_MAX_AGE_SECONDS = 300;

setFreshnessMarker({
  async read() {
    try {
      const value = (await cookies()).get(LSN_COOKIE)?.value;
      return value && LSN.test(value) ? value : null;
    } catch {
      return null;
    }
  },
  async write(lsn) {
    try {
      (await cookies()).set(LSN_COOKIE, lsn, {
        httpOnly: true,
        sameSite: "lax",
        path: "/",
        maxAge: LSN_COOKIE_MAX_AGE_SECONDS,
        secure: (process.env.NEXTAUTH_URL ?? "").startsWith("https:"),
      });
    } catch {
      // Not in a server action or route handler: nobody to tell.
    }
  },
});
