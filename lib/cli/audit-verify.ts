/**
 * `npm run audit:verify`: recomputes every office's "case" and "certificate" hash chains from
 * their first event (lib/audit/chain.ts verifyChain) against DATABASE_URL. Prints one line per
 * chain; exits 0 when all are intact, 1 when one is broken (naming the first broken event: office
 * code, chain, seq, the event's id and the problem), 2 when it could not run at all.
 */
import { disconnectDb, db } from "@/lib/db/client";
import { formatReport, verifyAllChains } from "@/lib/audit/verify-offices";

async function main(): Promise<number> {
  if (!process.env.DATABASE_URL) {
    console.error("audit:verify: DATABASE_URL is not set (the chains live in the database it names).");
    return 2;
  }
  const reports = await verifyAllChains(db);
  for (const r of reports) console.log(formatReport(r));
  const broken = reports.filter((r) => !r.ok);
  if (broken.length === 0) {
    console.log(`audit:verify: ${reports.length} chains intact`);
    return 0;
  }
  const first = broken[0];
  console.error(
    `audit:verify: FIRST BROKEN EVENT office=${first.officeCode} chain=${first.chain} seq=${first.broken!.seq} ` +
      `event=${first.broken!.eventId ?? "none"} problem=${first.broken!.problem}`,
  );
  console.error(`audit:verify: ${broken.length} of ${reports.length} chains broken`);
  return 1;
}

main()
  .then(async (code) => {
    await disconnectDb();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    console.error("audit:verify failed:", error instanceof Error ? error.message : error);
    await disconnectDb().catch(() => undefined);
    process.exit(2);
  });
