import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/session";
import { navigationFor } from "@/lib/auth/permissions";

/** Home: each role lands on the first section it may use. */
export default async function Home() {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  redirect(navigationFor(user)[0]?.href ?? "/login");
}
