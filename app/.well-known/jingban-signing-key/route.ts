import { publicKeyJwk, publicKeyPem } from "@/lib/certificates/signing";

/**
 * GET /.well-known/jingban-signing-key — public: the Ed25519 key that signs the QR payloads,
 * as PEM (SubjectPublicKeyInfo), or as a JWK set with ?format=jwk or Accept: application/jwk-set+json.
 */
export async function GET(request: Request) {
  const wantsJwk =
    new URL(request.url).searchParams.get("format") === "jwk" || /application\/jwk(-set)?\+json/.test(request.headers.get("accept") ?? "");
  const headers = { "cache-control": "public, max-age=3600" };
  if (wantsJwk) return Response.json({ keys: [publicKeyJwk()] }, { headers: { ...headers, "content-type": "application/jwk-set+json" } });
  return new Response(publicKeyPem(), { headers: { ...headers, "content-type": "application/x-pem-file; charset=utf-8" } });
}
