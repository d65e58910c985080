import { z } from "zod";
import { typedPhone } from "@/lib/auth/phone";
import { text } from "@/lib/text/input";

/**
 * The schemas of the learning forms (group sessions, practice), zod only: the server actions parse
 * with them and the form kit checks the same answers on the phone (components/forms/schemas.ts).
 */
const localDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

export const scheduleGroupSchema = z
  .object({
    startsAt: text().regex(localDateTime, "Groups.errors.dateRequired"),
    lessonSlug: text().max(80).optional().default(""),
    topic: text().trim().max(120, "Groups.errors.topicTooLong").optional().default(""),
    seats: z.coerce.number({ message: "Groups.errors.seats" }).int("Groups.errors.seats").min(1, "Groups.errors.seats").max(200, "Groups.errors.seats"),
  })
  .refine((v) => v.lessonSlug !== "" || v.topic !== "", { path: ["lessonSlug"], message: "Groups.errors.topicRequired" });

export const registerGroupSchema = z.object({ sessionId: z.uuid({ message: "Groups.errors.closed" }) });

export const registerGroupByPhoneSchema = z.object({ sessionId: z.uuid({ message: "Groups.errors.closed" }), phone: typedPhone });

export const practiceStartSchema = z.object({ lesson: text().max(80).optional().default("") });

export const practicePaySchema = z.object({ payerPhone: typedPhone, idempotencyKey: text().regex(/^[A-Za-z0-9_-]{16,100}$/, "Pay.errors.reload") });

export const lessonScoreSchema = z.object({ slug: text().max(80), right: z.number().int().min(0).max(20), total: z.number().int().min(1).max(20) });
export const lessonProgressMergeSchema = z.object({ progress: z.record(z.string().max(80), z.object({ right: z.number().int().min(0).max(20), total: z.number().int().min(1).max(20) })) });
