import { z } from "zod";
import { formValue, nameText, text } from "@/lib/text/input";
import { PERMIT_SECTIONS, WORKS_TYPES } from "@/lib/cases/kinds/permit/rules";

/**
 * The building-permit forms (issue 17), checked on the phone by the form kit
 * (components/forms/schemas.ts) and on the server by the actions (lib/permits/actions.ts). A
 * section may be saved half done: an empty field is "not answered yet", never an error; what is
 * answered must be right. Completeness is the rules' business (rules.ts), not these schemas'.
 */
const T = (key: string) => `Permits.errors.${key}`;
const draft = z.string({ error: T("draftUnknown") }).uuid(T("draftUnknown"));
const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optional = <S extends z.ZodType>(s: S) => z.preprocess(blank, s.optional());
const yesNo = optional(z.enum(["yes", "no"], { error: T("yesNo") }));

export const startPermitSchema = z.object({});

export const applicationFormSchema = z.object({
  draft,
  municipality: optional(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, T("municipality")).max(80, T("municipality"))),
  addressArea: optional(nameText().min(2, T("addressArea")).max(120, T("addressAreaTooLong"))),
  address: optional(nameText().min(5, T("address")).max(300, T("addressTooLong"))),
  worksType: optional(z.enum(WORKS_TYPES, { error: T("worksType") })),
  floorArea: optional(
    z
      .string()
      .trim()
      .regex(/^\d{1,7}$/, T("floorArea"))
      .transform(Number)
      .refine((n) => n >= 1 && n <= 1_000_000, T("floorArea")),
  ),
  townPlanUnderStudy: yesNo,
  protectedSite: yesNo,
});

/** Registration numbers at the Order of Architects (OAT): digits, letters, "/" or "-". */
export const architectFormSchema = z.object({
  draft,
  architectName: optional(nameText().min(3, T("architectName")).max(120, T("architectNameTooLong"))),
  registration: optional(z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9/-]{1,29}$/, T("registration"))),
});

export const documentsFormSchema = z.object({
  draft,
  section: z.enum(PERMIT_SECTIONS, { error: T("draftUnknown") }),
  removeUpload: formValue.optional(),
});

export const sendPermitSchema = z.object({ draft });

/** The citizen adds the document(s) the municipality asked for, on the case's page. */
export const permitAdditionSchema = z.object({ reference: z.string().min(1).max(40) });

export const OPINIONS = ["favourable", "favourableWithConditions", "unfavourable"] as const;

export const commissionFormSchema = z.object({
  reference: z.string().min(1).max(40),
  meetsAt: z
    .string({ error: T("meetsAt") })
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, T("meetsAt")),
  members: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().uuid(T("members"))).min(2, T("members")).max(15, T("members"))),
});

export const opinionFormSchema = z.object({
  reference: z.string().min(1).max(40),
  commission: z.string().uuid(T("draftUnknown")),
  opinion: z.enum(OPINIONS, { error: T("opinion") }),
  remarks: optional(text().trim().max(2000, T("remarksTooLong"))),
});
