/**
 * The shape of the catalogue's data files (lib/catalogue/data). The catalogue is content that the
 * administration edits, so it lives in JSON, not in code; this schema is what keeps it honest:
 * every text in the three languages, money in integer millimes, references by slug.
 */
import { z } from "zod";
import { contentLocales, localizedText, type ContentLocale, type LocalizedText } from "@/lib/i18n/content";

export { contentLocales, localizedText, type ContentLocale, type LocalizedText };

export const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "kebab-case slug");

/** Slugs that would collide with the fixed routes under /services. */
export const reservedServiceSlugs = ["all", "search", "bodies", "categories", "for", "guide", "checklist"] as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD");

/** Question id → the answers for which something applies (used by the guided questions). */
export const answerCondition = z.record(slug, z.array(slug).min(1));
export type AnswerCondition = z.infer<typeof answerCondition>;

export const documentForms = ["original", "copy", "certified-copy", "original-and-copy", "original-shown"] as const;

export const requiredDocument = z
  .strictObject({
    id: slug,
    name: localizedText,
    /** Original, plain copy, certified copy, both, or an original that is only shown and handed back. */
    form: z.enum(documentForms),
    count: z.number().int().min(1).max(20),
    validity: localizedText.optional(),
    obtainFrom: localizedText.optional(),
    note: localizedText.optional(),
    /** Shown on the general list when the document is needed only in some cases. */
    onlyIf: localizedText.optional(),
    when: answerCondition.optional(),
  })
  .refine((d) => !d.when || d.onlyIf, { message: "a conditional document needs an onlyIf text for the general list" });
export type RequiredDocument = z.infer<typeof requiredDocument>;

export const serviceStep = z
  .strictObject({ text: localizedText, onlyIf: localizedText.optional(), when: answerCondition.optional() })
  .refine((s) => !s.when || s.onlyIf, { message: "a conditional step needs an onlyIf text" });
export type ServiceStep = z.infer<typeof serviceStep>;

export const fee = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("free"), note: localizedText.optional() }),
  /** An amount fixed by a published text, in integer millimes. */
  z.strictObject({ kind: z.literal("fixed"), millimes: z.number().int().positive(), note: localizedText.optional() }),
  /** Depends on the case (a bill, a quote, the vehicle): the note says on what. */
  z.strictObject({ kind: z.literal("variable"), note: localizedText }),
  /** Not published in any source we could check: the note sends the citizen to the office. */
  z.strictObject({ kind: z.literal("unknown"), note: localizedText }),
]);
export type Fee = z.infer<typeof fee>;

export const delay = z.strictObject({
  summary: localizedText,
  /** The longest delay in days where a text fixes one (law 2016-22: 20; permits: 45). */
  maxDays: z.number().int().positive().optional(),
  legalBasis: localizedText.optional(),
});

export const channels = ["online", "house", "mobile-unit", "body-office"] as const;
export type Channel = (typeof channels)[number];

export const guideQuestion = z.strictObject({
  id: slug,
  text: localizedText,
  hint: localizedText.optional(),
  options: z.array(z.strictObject({ value: slug, label: localizedText })).min(2),
  /** Asked only when earlier answers match. */
  askIf: answerCondition.optional(),
});
export type GuideQuestion = z.infer<typeof guideQuestion>;

export const guide = z.strictObject({
  intro: localizedText,
  questions: z.array(guideQuestion).min(1).max(6),
  /** Notes added to the personal checklist for some answers (a longer delay, a warning). */
  notes: z.array(z.strictObject({ when: answerCondition, text: localizedText })).default([]),
});
export type Guide = z.infer<typeof guide>;

export const service = z.strictObject({
  slug,
  version: z.strictObject({ number: z.number().int().min(1), checkedOn: isoDate }),
  body: slug,
  categories: z.array(slug).min(1),
  title: localizedText,
  summary: localizedText,
  /** Words people type that are not in the text: dialect, acronyms, old names. */
  keywords: z.strictObject({ ar: z.array(z.string()), fr: z.array(z.string()), en: z.array(z.string()) }),
  audience: localizedText,
  conditions: z.array(localizedText),
  steps: z.array(serviceStep).min(1),
  documents: z.array(requiredDocument),
  /** The list of documents is the complete list: nothing else may be asked for. */
  documentsComplete: z.literal(true),
  fee,
  delay,
  channels: z.array(z.enum(channels)).min(1),
  /** Where the online channel starts, as a path inside Idarti (without the locale). */
  onlinePath: z.string().regex(/^\/[a-z0-9/?=&-]*$/).optional(),
  legalBasis: localizedText.optional(),
  related: z.array(slug),
  guide: guide.optional(),
  /**
   * The body accepts the documents of this procedure scanned and sent online (issue 16): the date
   * of the electronic sending counts. Its online channel is then the scanned-submission form.
   */
  scans: z.literal(true).optional(),
});
export type Service = z.infer<typeof service>;

export const contactChannel = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("web"), url: z.url({ protocol: /^https?$/ }) }),
  /** E.164 (+216 and 8 digits), or a short national number such as 1298. */
  z.strictObject({ kind: z.literal("phone"), number: z.string().regex(/^\+216\d{8}$|^\d{4}$/), note: localizedText.optional() }),
  z.strictObject({ kind: z.literal("email"), address: z.email() }),
  z.strictObject({ kind: z.literal("office"), text: localizedText }),
]);
export type ContactChannel = z.infer<typeof contactChannel>;

export const body = z.strictObject({
  id: slug,
  shortName: localizedText,
  name: localizedText,
  description: localizedText,
  contacts: z.array(contactChannel).min(1),
});
export type Body = z.infer<typeof body>;

export const category = z.strictObject({ id: slug, name: localizedText, description: localizedText });
export type Category = z.infer<typeof category>;

export const lifeEvent = z.strictObject({
  slug,
  version: z.strictObject({ number: z.number().int().min(1), checkedOn: isoDate }),
  title: localizedText,
  summary: localizedText,
  steps: z
    .array(
      z.strictObject({
        title: localizedText,
        text: localizedText,
        /** The service that does this step, when there is one in the catalogue. */
        service: slug.optional(),
      }),
    )
    .min(2),
});
export type LifeEvent = z.infer<typeof lifeEvent>;
