import { categoryName } from "@/lib/cases/kinds/complaint/categories";
import type { Locale } from "@/lib/i18n/routing";
import { bodyName, serviceName, type Tr } from "@/components/cases/labels";
import { pick } from "./labels";

/**
 * The answers of a requests form as the check page lists them: the question's label, the answer
 * as a person reads it (names, not ids), and the form field to go back to.
 */
export type Answer = { field: string; label: string; value: string; changeable: boolean };

const str = (v: unknown) => (typeof v === "string" ? v : Array.isArray(v) ? String(v[0] ?? "") : "");
const yes = (v: unknown) => ["true", "on", "yes"].includes(str(v));

export function requestAnswers(opts: { kind: string; values: Record<string, unknown>; t: Tr; locale: Locale }): Answer[] {
  const { values: v, t, locale } = opts;
  const yesNo = (b: boolean) => t(b ? "Requests.check.yes" : "Requests.check.no");
  const out: Answer[] = [];
  const add = (field: string, labelKey: string, value: string, changeable = true) => {
    if (value !== "") out.push({ field, label: t(labelKey), value, changeable });
  };
  // Which municipality, when the body is "the municipality" (lib/municipalities).
  const municipality = () => {
    if (str(v.bodyId) === "municipality") add("municipalityId", "Municipalities.field", bodyName(t, str(v.municipalityId)));
  };
  if (opts.kind === "complaint") {
    const bodyId = str(v.bodyId);
    const category = categoryName(bodyId, str(v.category));
    add("bodyId", "Complaint.fields.bodyId", bodyName(t, bodyId));
    municipality();
    add("serviceSlug", "Complaint.fields.serviceSlug", serviceName(t, str(v.serviceSlug)), false);
    add("category", "Complaint.fields.category", category ? pick(category, locale) : str(v.category), !v.reason);
    add("documentAskedFor", "Complaint.fields.documentAskedFor", str(v.documentAskedFor));
    add("description", "Complaint.fields.description", str(v.description));
    add("hideName", "Requests.hideName", yesNo(yes(v.hideName)));
  } else if (opts.kind === "suggestion") {
    add("bodyId", "Suggestion.fields.bodyId", bodyName(t, str(v.bodyId)));
    municipality();
    add("serviceSlug", "Suggestion.fields.serviceSlug", serviceName(t, str(v.serviceSlug)), false);
    add("description", "Suggestion.fields.description", str(v.description));
    add("hideName", "Requests.hideName", yesNo(yes(v.hideName)));
  } else if (opts.kind === "info-request") {
    add("requesterType", "InfoRequest.fields.requesterType", t(`InfoRequest.requester.${str(v.requesterType) === "company" ? "company" : "person"}`));
    add("name", "InfoRequest.fields.name", str(v.name));
    add("address", "InfoRequest.fields.address", str(v.address));
    add("bodyId", "InfoRequest.fields.bodyId", bodyName(t, str(v.bodyId)));
    municipality();
    add("information", "InfoRequest.fields.information", str(v.information));
    const access = `InfoRequest.access.${str(v.accessForm)}`;
    add("accessForm", "InfoRequest.fields.accessForm", t.has(access) ? t(access) : str(v.accessForm));
    add("lifeOrLiberty", "InfoRequest.fields.lifeOrLiberty", yesNo(yes(v.lifeOrLiberty)));
  }
  return out;
}
