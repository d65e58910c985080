import { z } from "zod";
import { commonErrors, operations, schemaRegistry, scopes, type Operation } from "./contract";

/**
 * The OpenAPI 3.1 document of the partner API, generated from the operations and zod schemas of
 * contract.ts (zod 4's JSON Schema output is draft 2020-12, the dialect of OpenAPI 3.1). Served at
 * /api/v1/openapi.json, rendered at /{locale}/developers, linted by `npm run lint:openapi`, and
 * walked by the contract test (e2e/partner-api.spec.ts).
 */

type Json = Record<string, unknown>;

const errorText: Record<number, string> = {
  400: "The body is not JSON.",
  401: "No API key, or a key that is unknown or revoked.",
  403: "The key lacks the scope this operation needs (or the case's machine lets only the citizen make this move).",
  404: "No such item for the key's body: another body's items are answered the same way, so references cannot be probed.",
  409: "The change is not possible in the current state, or the `Idempotency-Key` was used for another request.",
  413: "The body is larger than the operation accepts.",
  422: "An input field is wrong: `error.fields` names each one.",
  429: "Too many calls for this key in the rolling minute: come back after `Retry-After` seconds.",
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const problemAnswer = (status: number): Json => ({
  description: errorText[status] ?? "An error.",
  ...(status === 429 ? { headers: { "Retry-After": { $ref: "#/components/headers/RetryAfter" } } } : {}),
  content: { "application/json": { schema: ref("Problem") } },
});

function cleaned(schema: Json): Json {
  const { $schema: _s, $id: _i, ...rest } = schema;
  return rest;
}

/** A schema of the registry by reference, any other one inline. */
function schemaOf(schema: z.ZodType, io: "input" | "output"): Json {
  const id = schemaRegistry.get(schema)?.id;
  if (id) return ref(id);
  return cleaned(z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Json);
}

function parametersOf(op: Operation): Json[] {
  const list: Json[] = [];
  for (const [where, obj] of [
    ["path", op.params],
    ["query", op.query],
  ] as const) {
    if (!obj) continue;
    const json = z.toJSONSchema(obj, { io: "input", unrepresentable: "any" }) as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, prop] of Object.entries(json.properties ?? {})) {
      const { description, ...schema } = prop;
      list.push({ name, in: where, required: where === "path" || (json.required ?? []).includes(name), ...(description ? { description } : {}), schema });
    }
  }
  if (op.idempotent) list.push({ $ref: "#/components/parameters/IdempotencyKey" });
  return list;
}

function operationObject(op: Operation): Json {
  const responses: Record<string, Json> = {
    [String(op.success.status)]: { description: op.success.description, content: { "application/json": { schema: schemaOf(op.success.schema, "output") } } },
  };
  for (const status of [...op.errors, ...commonErrors].sort()) responses[String(status)] = problemAnswer(status);
  return {
    operationId: op.id,
    summary: op.summary,
    description: `${op.description}\n\nScope: \`${op.scope}\`.`,
    tags: [op.path.split("/")[3]!],
    security: [{ apiKey: [] }],
    "x-scope": op.scope,
    parameters: parametersOf(op),
    ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: schemaOf(op.body, "input") } } } } : {}),
    responses,
  };
}

export function openApiDocument(opts: { serverUrl?: string } = {}): Json {
  const paths: Record<string, Record<string, Json>> = {};
  for (const op of operations as readonly Operation[]) (paths[op.path] ??= {})[op.method] = operationObject(op);
  const { schemas } = z.toJSONSchema(schemaRegistry, { uri: (id) => `#/components/schemas/${id}`, unrepresentable: "any" }) as { schemas: Record<string, Json> };
  return {
    openapi: "3.1.0",
    info: {
      title: "Idarti partner API",
      version: "1.0.0",
      summary: "For the partner bodies' own systems: their cases, replies and status changes, bookings and bill payments.",
      description:
        "Each key belongs to one body and carries scopes; send it as `Authorization: Bearer idk_…`. Keys are created and revoked by Idarti's administrators, are shown once, and are limited in calls per rolling minute (429 with `Retry-After`). Every call is audited.",
      contact: { name: "Idarti", url: "https://idarti.tn" },
    },
    servers: [{ url: opts.serverUrl ?? "https://idarti.tn", description: "This instance." }],
    tags: [
      { name: "cases", description: "Cases routed to the body." },
      { name: "bookings", description: "Remote interviews booked with the body." },
      { name: "payments", description: "Bill payments to the body." },
    ],
    security: [{ apiKey: [] }],
    paths,
    webhooks: {
      "case.routed": {
        post: {
          operationId: "caseRouted",
          summary: "A case was routed to the body",
          description: "Sent to the endpoint an administrator registered for the body. Answer 2xx once it is kept; anything else (or no answer in 10 s) is retried: 30 s, 1 min, 2 min… up to 8 attempts.",
          tags: ["cases"],
          security: [],
          parameters: [
            { name: "Idarti-Timestamp", in: "header", required: true, description: "Unix seconds when it was signed.", schema: { type: "string", pattern: "^[0-9]{1,12}$" } },
            { name: "Idarti-Signature", in: "header", required: true, description: "`v1=` + hex HMAC-SHA256 of `<timestamp>.<raw body>`.", schema: { type: "string", pattern: "^v1=[0-9a-f]{64}$" } },
          ],
          requestBody: { required: true, content: { "application/json": { schema: ref("WebhookEvent") } } },
          responses: { "200": { description: "Received (any 2xx)." }, "500": { description: "Not kept: it is sent again later." } },
        },
      },
    },
    components: {
      securitySchemes: {
        apiKey: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "idk_<prefix>_<secret>",
          description: `A body's API key. Scopes: ${scopes.map((s) => `\`${s}\``).join(", ")}.`,
        },
      },
      parameters: {
        IdempotencyKey: {
          name: "Idempotency-Key",
          in: "header",
          required: false,
          description: "16–100 of A-Z a-z 0-9 _ -. The same key and request again gets the first answer; the same key with another request is 409.",
          schema: { type: "string", pattern: "^[A-Za-z0-9_-]{16,100}$" },
        },
      },
      headers: { RetryAfter: { description: "Seconds to wait before calling again.", schema: { type: "integer", minimum: 1 } } },
      schemas: Object.fromEntries(Object.entries(schemas).map(([k, v]) => [k, cleaned(v)])),
    },
  };
}
