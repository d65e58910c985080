import { openApiDocument } from "./openapi";

/**
 * The reference page's reading of the OpenAPI document (/{locale}/developers): the operations in
 * order with their parameters, body and answers, and the schemas — all from the document itself,
 * so the page says what /api/v1/openapi.json says.
 */
type Json = Record<string, unknown>;

const refName = (schema: unknown): string => {
  const r = (schema as { $ref?: string } | undefined)?.$ref;
  return r ? r.split("/").pop()! : JSON.stringify(schema);
};

export function referenceOf(opts: { serverUrl: string }) {
  const doc = openApiDocument(opts) as Json & { paths: Record<string, Record<string, Json>>; components: { schemas: Record<string, Json>; parameters: Record<string, Json> }; info: { description: string } };
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const parameters = ((op.parameters as Json[]) ?? []).map((p) => {
        const param = (p.$ref ? doc.components.parameters[String(p.$ref).split("/").pop()!] : p) as { name: string; in: string; required?: boolean; description?: string; schema: unknown };
        return { name: param.name, in: param.in, required: Boolean(param.required), description: param.description ?? "", schema: JSON.stringify(param.schema) };
      });
      const body = (op.requestBody as { content?: Record<string, { schema: unknown }> } | undefined)?.content?.["application/json"]?.schema;
      const responses = Object.entries(op.responses as Record<string, { description: string; content?: Record<string, { schema: unknown }> }>).map(([status, r]) => ({
        status,
        description: r.description,
        schema: r.content ? refName(r.content["application/json"]?.schema) : "",
      }));
      return { id: String(op.operationId), method, path, summary: String(op.summary), description: String(op.description), parameters, requestBody: body ? refName(body) : null, responses };
    }),
  );
  const schemas = Object.entries(doc.components.schemas).map(([name, schema]) => ({ name, json: JSON.stringify(schema, null, 2) }));
  return { serverUrl: opts.serverUrl, description: doc.info.description, operations, schemas };
}
