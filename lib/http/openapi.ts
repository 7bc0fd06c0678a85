/**
 * The OpenAPI 3.1 description of REST API v1 (shared/API.md), served at GET /api/v1/openapi.json.
 * Kept beside the conventions it describes; the route-matrix test lists the same routes.
 */
const error = { $ref: "#/components/responses/Error" };
const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [String(c), error]));
const json = (schema: object) => ({ content: { "application/json": { schema } } });
const pdf = { content: { "application/pdf": { schema: { type: "string", format: "binary" } } } };
const id = (name: string, description = "") => ({ name, in: "path", required: true, description, schema: { type: "string" } });
const q = (name: string, schema: object = { type: "string" }) => ({ name, in: "query", required: false, schema });
const decimal = { type: "string", pattern: "^-?\\d+(\\.\\d+)?$", description: "decimal string" };
const month = { type: "string", pattern: "^\\d{4}-(0[1-9]|1[0-2])$" };

export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "Jingban (经办) REST API",
    version: "1",
    description:
      "Everything a caseworker can do in the UI, over HTTP. JSON in and out; money as decimal strings; messages follow Accept-Language (zh-CN or en). Errors: {error: {code, message, issues?}}.",
  },
  servers: [{ url: "/" }],
  security: [{ bearer: [] }, { session: [] }],
  components: {
    securitySchemes: {
      bearer: { type: "http", scheme: "bearer", description: "POST /api/v1/auth/token; at most one hour" },
      session: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
    },
    responses: {
      Error: json({
        type: "object",
        properties: {
          error: {
            type: "object",
            required: ["code", "message"],
            properties: {
              code: { type: "string", enum: ["bad_request", "unauthorized", "forbidden", "not_found", "conflict", "payload_too_large", "unprocessable", "rate_limited", "internal"] },
              message: { type: "string" },
              issues: { type: "array", items: { type: "object", properties: { path: { type: "string" }, message: { type: "string" } } } },
            },
          },
        },
      }),
    },
    schemas: {
      CreateCase: {
        oneOf: [
          { type: "object", required: ["type", "idNumber", "ground", "terminationMonth"], properties: { type: { const: "SURRENDER" }, idNumber: { type: "string" }, ground: { type: "string" }, terminationMonth: month, payees: { type: "array", items: { type: "object", properties: { name: { type: "string" }, idNumber: { type: "string" }, relationship: { type: "string", enum: ["spouse", "child", "parent", "other-heir"] } } } }, filedByAgent: { type: "boolean" } } },
          { type: "object", required: ["type", "idNumber"], properties: { type: { const: "DUPLICATE_REFUND" }, idNumber: { type: "string" } } },
          { type: "object", required: ["type", "idNumber", "fromOffice"], properties: { type: { const: "TRANSFER_IN" }, idNumber: { type: "string" }, fromOffice: { type: "string", pattern: "^\\d{6}$" }, transferMonth: month } },
        ],
      },
      Transition: {
        type: "object",
        required: ["action", "version"],
        properties: {
          action: { type: "string", enum: ["submit", "claim", "recommend", "approve", "complete", "return", "resubmit", "reject", "withdraw"] },
          version: { type: "integer" },
          reason: { type: "string", description: "required for return and reject" },
          data: { type: "object", properties: { paymentReference: { type: "string" }, fundsReference: { type: "string" }, receivedAmount: decimal } },
        },
      },
    },
  },
  paths: {
    "/api/v1/auth/token": {
      post: {
        summary: "A bearer token (one hour) for a username and password; the same lockout as the sign-in page",
        security: [],
        requestBody: json({ type: "object", required: ["username", "password"], properties: { username: { type: "string" }, password: { type: "string" } } }),
        responses: { "200": json({ type: "object", properties: { token: { type: "string" }, expiresAt: { type: "string", format: "date-time" } } }), ...errors(400, 401, 429) },
      },
    },
    "/api/v1/calc/{kind}": {
      post: {
        summary: "A pure calculation (docs/calc-api.md): personal-account, surrender, pensioner-remainder, pooled-transfer, transfer-funds, benefit-place, temporary-account, duplicate-refund, resident-overlap, base-clamp, id-number, credit-code, working-days",
        security: [],
        parameters: [id("kind")],
        requestBody: json({ type: "object" }),
        responses: { "200": json({ type: "object" }), ...errors(400, 404) },
      },
    },
    "/api/v1/persons": {
      get: { summary: "People known to the caller's office, by ID number", parameters: [{ ...q("idNumber"), required: true }], responses: { "200": json({ type: "object" }), ...errors(400, 401, 403) } },
    },
    "/api/v1/persons/{id}/records": {
      get: { summary: "Contribution records and the personal account by year", parameters: [id("id")], responses: { "200": json({ type: "object" }), ...errors(401, 403, 404) } },
    },
    "/api/v1/cases": {
      get: {
        summary: "The office's cases, filtered, keyset-paginated (newest first)",
        parameters: [q("type"), q("status"), q("assignee"), q("overdue"), q("from"), q("to"), q("q"), q("cursor"), q("limit", { type: "integer", minimum: 1, maximum: 200 })],
        responses: { "200": json({ type: "object", properties: { items: { type: "array", items: { type: "object" } }, nextCursor: { type: ["string", "null"] } } }), ...errors(400, 401, 403) },
      },
      post: { summary: "Intake of a new case (DRAFT)", requestBody: json({ $ref: "#/components/schemas/CreateCase" }), responses: { "201": json({ type: "object" }), ...errors(400, 401, 403, 404, 409, 422) } },
    },
    "/api/v1/cases/export": {
      get: { summary: "The filtered case list as CSV (UTF-8 with BOM)", parameters: [q("type"), q("status"), q("assignee"), q("overdue"), q("from"), q("to"), q("q")], responses: { "200": { content: { "text/csv": { schema: { type: "string" } } } }, ...errors(400, 401, 403) } },
    },
    "/api/v1/cases/reassign": {
      post: { summary: "Supervisors reassign cases with a reason", requestBody: json({ type: "object", properties: { caseIds: { type: "array", items: { type: "string" } }, assigneeId: { type: "string" }, reason: { type: "string" } } }), responses: { "200": json({ type: "object" }), ...errors(400, 401, 403, 404, 409, 422) } },
    },
    "/api/v1/cases/{id}": {
      get: { summary: "A case with checklist, calculation, linked cases, letters and events", parameters: [id("id")], responses: { "200": json({ type: "object" }), ...errors(401, 403, 404) } },
    },
    "/api/v1/cases/{id}/documents": {
      post: { summary: "Mark a checklist item received", parameters: [id("id")], requestBody: json({ type: "object", required: ["kind"], properties: { kind: { type: "string" }, note: { type: "string" } } }), responses: { "200": json({ type: "object" }), ...errors(400, 401, 403, 404, 409, 422) } },
    },
    "/api/v1/cases/{id}/documents/{file}": {
      get: { summary: "A letter of the case once issued: contact-letter.pdf, info-table.pdf, payout-decision.pdf, refund-decision.pdf, rejection-notice.pdf", parameters: [id("id"), id("file")], responses: { "200": pdf, ...errors(401, 403, 404) } },
    },
    "/api/v1/cases/{id}/transitions": {
      post: { summary: "Move a case along its workflow (stale version → 409)", parameters: [id("id")], requestBody: json({ $ref: "#/components/schemas/Transition" }), responses: { "200": json({ type: "object", properties: { status: { type: "string" }, version: { type: "integer" } } }), ...errors(400, 401, 403, 404, 409, 422) } },
    },
    "/api/v1/certificates": {
      get: { summary: "The office's certificates and letters", responses: { "200": json({ type: "object" }), ...errors(400, 401, 403) } },
      post: { summary: "Issue a 参保缴费凭证", requestBody: json({ type: "object", required: ["idNumber"], properties: { idNumber: { type: "string" } } }), responses: { "201": json({ type: "object", properties: { serial: { type: "string" }, verificationCode: { type: "string" }, url: { type: "string" } } }), ...errors(400, 401, 403, 404) } },
    },
    "/api/v1/certificates/{serial}/pdf": { get: { summary: "The PDF (logged as a print)", parameters: [id("serial")], responses: { "200": pdf, ...errors(401, 403, 404) } } },
    "/api/v1/certificates/{serial}/reprint": { post: { summary: "A reprint, with a reason", parameters: [id("serial")], requestBody: json({ type: "object", properties: { reason: { type: "string" } } }), responses: { "200": pdf, ...errors(400, 401, 403, 404, 409) } } },
    "/api/v1/certificates/{serial}/revoke": { post: { summary: "Revoke (supervisors), with a reason", parameters: [id("serial")], requestBody: json({ type: "object", properties: { reason: { type: "string" } } }), responses: { "200": json({ type: "object" }), ...errors(400, 401, 403, 404, 409) } } },
    "/api/v1/certificates/{serial}/supersede": { post: { summary: "A correction that replaces the certificate (supervisors)", parameters: [id("serial")], requestBody: json({ type: "object", properties: { reason: { type: "string" } } }), responses: { "201": json({ type: "object" }), ...errors(400, 401, 403, 404, 409) } } },
    "/api/v1/certificates/batches": {
      get: { summary: "Batch print jobs of the office", responses: { "200": json({ type: "object" }), ...errors(401, 403) } },
      post: { summary: "Start a batch print (a background job in PostgreSQL)", requestBody: json({ type: "object" }), responses: { "201": json({ type: "object" }), ...errors(400, 401, 403) } },
    },
    "/api/v1/certificates/batches/{id}": { get: { summary: "A batch's progress", parameters: [id("id")], responses: { "200": json({ type: "object" }), ...errors(401, 403, 404) } } },
    "/api/v1/certificates/batches/{id}/pdf": { get: { summary: "The merged PDF of a finished batch", parameters: [id("id")], responses: { "200": pdf, ...errors(401, 403, 404, 409) } } },
    "/api/v1/verify/{code}": { get: { summary: "Public verification of a document (no login)", security: [], parameters: [id("code")], responses: { "200": json({ type: "object" }), ...errors(404, 429) } } },
    "/api/v1/audit/verify": { get: { summary: "Check the office's hash chains", responses: { "200": json({ type: "object" }), ...errors(401, 403) } } },
    "/api/v1/audit/chain-head": { get: { summary: "The chain head at the end of a day (Beijing time)", parameters: [q("date")], responses: { "200": json({ type: "object" }), ...errors(400, 401, 403) } } },
    "/api/v1/audit/cases/{id}/log": { get: { summary: "A case's audit log as PDF", parameters: [id("id")], responses: { "200": pdf, ...errors(401, 403, 404) } } },
    "/api/v1/audit/samples": {
      get: { summary: "Audit samples of the office", responses: { "200": json({ type: "object" }), ...errors(401, 403) } },
      post: { summary: "Draw a sample of decided cases", requestBody: json({ type: "object" }), responses: { "201": json({ type: "object" }), ...errors(400, 401, 403, 422) } },
    },
    "/api/v1/audit/samples/{id}": { get: { summary: "A sample and its items", parameters: [id("id")], responses: { "200": json({ type: "object" }), ...errors(401, 403, 404) } } },
    "/api/v1/audit/sample-items/{id}": { get: { summary: "A sampled case for blind review", parameters: [id("id")], responses: { "200": json({ type: "object" }), ...errors(401, 403, 404) } } },
    "/api/v1/audit/sample-items/{id}/review": { post: { summary: "Record the blind re-review", parameters: [id("id")], requestBody: json({ type: "object" }), responses: { "200": json({ type: "object" }), ...errors(400, 401, 403, 404, 409) } } },
    "/api/v1/audit/sample-items/{id}/findings": { post: { summary: "Record a finding (may open a correction case)", parameters: [id("id")], requestBody: json({ type: "object" }), responses: { "201": json({ type: "object" }), ...errors(400, 401, 403, 404, 409) } } },
    "/api/v1/openapi.json": { get: { summary: "This description", security: [], responses: { "200": json({ type: "object" }) } } },
  },
} as const;
