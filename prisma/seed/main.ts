/** `npm run db:seed`: seeds the demo into the database at DATABASE_URL when it has no offices. */
import { config as loadEnv } from "dotenv";
import { disconnectDb } from "@/lib/db/client";
import { seedDemoIfEmpty } from "./demo";

loadEnv({ quiet: true });
seedDemoIfEmpty()
  .then((seeded) => console.log(seeded ? "[jingban] demo seeded" : "[jingban] database already has offices: nothing seeded"))
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => disconnectDb());
