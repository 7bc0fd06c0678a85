import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { requestTranslator } from "@/lib/http/api";
import { rateLimitResponse, rateLimits } from "@/lib/http/rate-limit";

const handler = NextAuth(authOptions);

/** Sign-in attempts are rate-limited per client address, on top of the per-account lockout. */
async function POST(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  if ((await context.params).nextauth?.[0] === "callback") {
    const limited = await rateLimitResponse(request, rateLimits.signIn, requestTranslator(request));
    if (limited) return limited;
  }
  return handler(request, context);
}

export { handler as GET, POST };
