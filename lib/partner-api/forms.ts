/**
 * The admin's API key forms (staff/admin/api-keys). Plain zod: the phone checks them too
 * (components/forms/schemas.ts). The body is one of the catalogue's, offered by the page; here
 * its shape is checked (the catalogue is another domain).
 */
import { z } from "zod";
import { nameText } from "@/lib/text/input";
import { scopes } from "./contract";

const many = z.union([z.string(), z.array(z.string())], { error: "PartnerApi.errors.scopes" }).transform((v) => (typeof v === "string" ? [v] : v));

export const createKeySchema = z.object({
  bodyId: z.string({ error: "PartnerApi.errors.body" }).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "PartnerApi.errors.body"),
  label: nameText({ error: "PartnerApi.errors.label" }).pipe(z.string().min(2, "PartnerApi.errors.label").max(80, "PartnerApi.errors.label")),
  scopes: many.pipe(z.array(z.enum(scopes, { error: "PartnerApi.errors.scopes" })).min(1, "PartnerApi.errors.scopes")),
  perMinute: z.coerce.number({ error: "PartnerApi.errors.perMinute" }).int("PartnerApi.errors.perMinute").min(1, "PartnerApi.errors.perMinute").max(6000, "PartnerApi.errors.perMinute"),
});

export const revokeKeySchema = z.object({ id: z.uuid(), locale: z.string().optional() });

export const registerWebhookSchema = z.object({
  bodyId: z.string({ error: "PartnerApi.errors.body" }).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "PartnerApi.errors.body"),
  url: z.string({ error: "PartnerApi.errors.webhookUrl" }).trim().max(500, "PartnerApi.errors.webhookUrl").pipe(z.url({ protocol: /^https$/, error: "PartnerApi.errors.webhookUrl" })),
});

export const disableWebhookSchema = z.object({ id: z.uuid(), locale: z.string().optional() });
