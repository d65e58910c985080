import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { staffRoles } from "@/lib/auth/roles";
import { requirePageActor } from "@/lib/auth/session";
import { formatDate } from "@/lib/i18n/format";
import { localePath } from "@/lib/i18n/routing";
import { titled } from "@/lib/i18n/page-title";
import { pageLocale } from "@/lib/i18n/page-locale";
import { commissionMeeting } from "@/lib/permits/commission-room";
import { CallRoom } from "@/components/calls/call-room";
import { callLabelKeys, type CallLabels } from "@/components/calls/call-labels";
import { Ltr } from "@/components/ui/user-text";

export const generateMetadata = titled("CommissionCall.title", { robots: { index: false, follow: false } });
export const dynamic = "force-dynamic";
export const dynamicParams = true;

/** A permit commission's remote meeting: the session's members (and admins), while it is open. */
export default async function CommissionCallPage({ params }: PageProps<"/[locale]/staff/cases/[reference]/commission/[session]">) {
  const locale = await pageLocale(params);
  const { reference, session } = await params;
  const filePath = localePath(locale, `/staff/cases/${encodeURIComponent(reference)}`);
  const actor = await requirePageActor(locale, `${filePath}/commission/${session}`, { roles: staffRoles });
  const meeting = await commissionMeeting({ actor, sessionId: session });
  // Not a member (nor an admin), or not this file's session: the same answer as for none at all.
  if (!meeting || meeting.reference !== decodeURIComponent(reference)) notFound();
  const t = await getTranslations({ locale, namespace: "CommissionCall" });
  const tc = await getTranslations({ locale, namespace: "Call" });
  const labels = Object.fromEntries(callLabelKeys.map((k) => [k, tc(k)])) as CallLabels;
  return (
    <div className="max-w-5xl">
      <Link href={filePath} className="link mb-4 inline-block">
        {t("back")}
      </Link>
      <h1 className="mb-1 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-4 text-muted">
        {t.rich("intro", {
          reference: meeting.reference,
          date: formatDate(meeting.meetsAt, locale, "dateTime"),
          ref: (chunks) => <Ltr>{chunks}</Ltr>,
          when: (chunks) => <bdi>{chunks}</bdi>,
        })}
      </p>
      {meeting.state === "open" ? (
        <CallRoom api={`/api/permits/commissions/${meeting.id}`} role={meeting.role} userId={actor.userId} hasInterpreter={false} labels={labels} />
      ) : (
        <p className="border-s-4 border-warning ps-3 font-semibold">{t(`room.${meeting.state}`)}</p>
      )}
    </div>
  );
}
