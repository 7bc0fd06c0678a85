import { getServerSession } from "next-auth/next";
import { decode, encode } from "next-auth/jwt";
import { forbidden, redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { authOptions } from "./options";
// Installs the read-your-writes marker for every request that authenticates (decision 0020).
import "./read-your-writes";
import { can, isRole, type Permission, type Role } from "./permissions";

/** The user behind a request, always read from the database (never trusted from the client). */
export interface SessionUser {
  id: string;
  username: string;
  name: string;
  role: Role;
  officeId: string;
  officeCode: string;
  officeName: string;
  officeNameEn: string;
  idNumber: string | null;
}

export async function loadSessionUser(userId: string | undefined | null): Promise<SessionUser | null> {
  if (!userId || !/^[0-9a-f-]{36}$/i.test(userId)) return null;
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true, username: true, name: true, role: true, active: true, idNumber: true,
      office: { select: { id: true, code: true, name: true, nameEn: true } },
    },
  });
  if (!user || !user.active || !isRole(user.role)) return null;
  return {
    id: user.id, username: user.username, name: user.name, role: user.role, idNumber: user.idNumber,
    officeId: user.office.id, officeCode: user.office.code, officeName: user.office.name, officeNameEn: user.office.nameEn,
  };
}

/** The signed-in user of a page or server action, or null. */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = (await getServerSession(authOptions)) as { userId?: string } | null;
  return loadSessionUser(session?.userId);
}

/** For pages and actions: the user, or a redirect to the sign-in page. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  return user;
}

/** For pages: the user if allowed, else the 403 page (app/forbidden.tsx). */
export async function requirePermission(permission: Permission): Promise<SessionUser> {
  const user = await requireUser();
  if (!can(user, permission)) forbidden();
  return user;
}

export const API_TOKEN_MAX_AGE_SECONDS = 60 * 60;

function secret(): string {
  const value = process.env.NEXTAUTH_SECRET;
  if (!value) throw new Error("NEXTAUTH_SECRET is not set");
  return value;
}

/** A bearer token for the REST API (encrypted JWT, one hour). */
export async function issueApiToken(userId: string, now = new Date()) {
  const token = await encode({
    token: { sub: userId, kind: "api" },
    secret: secret(),
    maxAge: API_TOKEN_MAX_AGE_SECONDS,
  });
  return { token, expiresAt: new Date(now.getTime() + API_TOKEN_MAX_AGE_SECONDS * 1000) };
}

/**
 * The user of an API request: `Authorization: Bearer <token>` or the browser's session cookie.
 * A malformed, expired or foreign token yields null (→ 401), never an exception.
 */
export async function getApiUser(request: Request): Promise<SessionUser | null> {
  const header = request.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S{1,4096})$/i.exec(header.trim());
    if (!match) return null;
    try {
      const payload = await decode({ token: match[1], secret: secret() });
      if (!payload || payload.kind !== "api") return null;
      return loadSessionUser(payload.sub);
    } catch {
      return null;
    }
  }
  // A browser attaches the session cookie to requests other sites make too: a state-changing
  // call on it must come from a page of this site — the Origin check Next.js applies to server
  // actions (CSRF). Bearer tokens are never attached by a browser on its own and need none.
  if (!["GET", "HEAD", "OPTIONS"].includes(request.method) && !fromThisSite(request.headers)) return null;
  try {
    return await getSessionUser();
  } catch {
    return null;
  }
}

/** No Origin (not a browser, or a same-origin GET) passes; else its host must be this host. */
function fromThisSite(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (origin === null) return true;
  const host = (headers.get("x-forwarded-host") ?? headers.get("host") ?? "").split(",")[0].trim();
  try {
    return origin !== "null" && host !== "" && new URL(origin).host === host;
  } catch {
    return false;
  }
}
