import { z } from "zod";

/**
 * The Open311 GeoReport v2 answers' shapes, written from the specification
 * (https://wiki.open311.org/GeoReport_v2): GET Service List, GET Service Definition, GET Service
 * Requests / GET Service Request. Used by the tests (unit and e2e) to check what is served.
 */
const w3cDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);

export const open311ServiceSchema = z.strictObject({
  service_code: z.string().min(1),
  service_name: z.string().min(1),
  description: z.string(),
  metadata: z.boolean(),
  type: z.enum(["realtime", "batch", "blackbox"]),
  keywords: z.string(),
  group: z.string(),
});

export const open311DefinitionSchema = z.strictObject({
  service_code: z.string().min(1),
  attributes: z.array(
    z.strictObject({
      variable: z.boolean(),
      code: z.string(),
      datatype: z.enum(["string", "number", "datetime", "text", "singlevaluelist", "multivaluelist"]),
      required: z.boolean(),
      datatype_description: z.string().nullable(),
      order: z.number().int(),
      description: z.string(),
      values: z.array(z.strictObject({ key: z.string(), name: z.string() })).optional(),
    }),
  ),
});

export const open311RequestSchema = z.strictObject({
  service_request_id: z.string().min(1),
  status: z.enum(["open", "closed"]),
  status_notes: z.string().nullable(),
  service_name: z.string().nullable(),
  service_code: z.string().min(1),
  description: z.string().nullable(),
  agency_responsible: z.string().nullable(),
  service_notice: z.string().nullable(),
  requested_datetime: w3cDateTime,
  updated_datetime: w3cDateTime.nullable(),
  expected_datetime: w3cDateTime.nullable(),
  address: z.string().nullable(),
  address_id: z.string().nullable(),
  zipcode: z.string().nullable(),
  lat: z.number().min(-90).max(90).nullable(),
  long: z.number().min(-180).max(180).nullable(),
  media_url: z.string().url().nullable(),
});

export const open311ErrorsSchema = z.array(z.strictObject({ code: z.number().int(), description: z.string() })).min(1);

/** The XML elements of each record, in the spec's names (the JSON keys, one element each). */
export const OPEN311_XML = {
  services: { root: "services", record: "service", fields: Object.keys(open311ServiceSchema.shape) },
  requests: { root: "service_requests", record: "request", fields: Object.keys(open311RequestSchema.shape) },
  definition: { root: "service_definition", fields: ["service_code", "attributes"] },
  errors: { root: "errors", record: "error", fields: ["code", "description"] },
} as const;
