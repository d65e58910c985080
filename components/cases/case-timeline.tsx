import type { TimelineEvent } from "@/lib/cases/read";
import type { CaseView } from "@/lib/cases/read";
import { formatDate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import { Timeline, type TimelineItem } from "@/components/ui/timeline";
import { getHouse } from "@/lib/houses/houses";
import { localized } from "@/lib/i18n/content";
import { autoRun } from "@/lib/i18n/bidi";
import { bodyName, translateKey, type Tr } from "./labels";
import { stateLabelKey } from "./state-label";

/** The case's history as the viewer may see it (internal events only reach staff). */
export function CaseTimeline({ t, locale, caseView, events }: { t: Tr; locale: Locale; caseView: CaseView; events: TimelineEvent[] }) {
  const staffView = caseView.asStaff;
  const roleWord = (role: string | null) => t(`Cases.roles.${role === "official" ? "official" : role === "admin" ? "admin" : "agent"}`);
  const items: TimelineItem[] = events.map((e) => {
    const body = bodyName(t, e.actorBodyId ?? caseView.row.bodyId);
    let title: string;
    switch (e.type) {
      case "submitted": {
        title = t("Cases.events.submitted");
        if (typeof e.data?.filedBy === "string") {
          const house = typeof e.data.houseId === "string" ? getHouse(e.data.houseId) : undefined;
          title += ` — ${house ? t("Cases.events.filedByAgent", { house: localized(house.name, locale) }) : t("Cases.events.filedByAgentNoHouse")}`;
        }
        break;
      }
      case "overdue":
        title = t("Cases.events.overdue");
        break;
      case "assigned":
        title = t("Cases.events.assigned", { who: staffView && e.actorName ? e.actorName : roleWord(e.actorRole) });
        break;
      case "statusChanged":
        title = t("Cases.events.statusChanged", { status: translateKey(t, stateLabelKey(caseView.kind, e.toStatus)) });
        if (typeof e.data?.epeopleReference === "string") title += ` — ${t("Cases.events.epeopleReference", { reference: e.data.epeopleReference })}`;
        break;
      case "reply":
        title = t("Cases.events.reply", { body });
        break;
      case "note":
        title = t("Cases.events.note");
        break;
      case "citizenMessage":
        title = staffView ? t("Cases.events.citizenMessageStaff") : t("Cases.events.citizenMessage");
        break;
      case "viewed":
        title = t("Cases.events.viewed", { who: roleWord(e.actorRole), body });
        break;
      case "deadlineAdjusted":
        title = t("Cases.events.deadlineAdjusted");
        break;
      case "dueSoon":
        title = t("Cases.events.dueSoon");
        break;
      case "redirected":
        title = t("Cases.events.redirected", { body: bodyName(t, String(e.data?.toBodyId ?? "")) });
        break;
      case "placed":
        // Sent to "the municipality" and placed in its town's (a migration, or an admin: lib/municipalities).
        title = t("Municipalities.events.placed", { body: bodyName(t, String(e.data?.toBodyId ?? "")) });
        break;
      case "rated":
        title = t("Cases.events.rated", { stars: Number(e.data?.stars ?? 0) });
        break;
      default:
        title = e.type;
    }
    // A name is user text: isolated (a RIGHT-TO-LEFT OVERRIDE in it cannot reorder the line).
    const by = staffView && e.actorName && e.type !== "submitted" ? t("Cases.events.by", { name: autoRun(e.actorName) }) : undefined;
    return {
      id: e.id,
      title,
      when: formatDate(e.at, locale, "dateTime"),
      dateTime: e.at.toISOString(),
      by,
      body: e.message ?? undefined,
      internal: e.visibility === "internal",
      internalLabel: t("Cases.events.internal"),
    };
  });
  return <Timeline label={t("Cases.timeline")} items={items} />;
}
