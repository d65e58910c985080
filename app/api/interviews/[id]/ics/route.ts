import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { isLocale, localePath, defaultLocale } from "@/lib/i18n/routing";
import { icsFor, viewBooking } from "@/lib/interviews/service";
import { AppError } from "@/lib/errors";
import { edge } from "@/lib/http/edge";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The booking as an iCalendar file, for the participant's own calendar. */
export const GET = edge({}, async (req: Request, ctx: RouteContext<"/api/interviews/[id]/ics">) => {
  const { id } = await ctx.params;
  const actor = await requireActor();
  const asked = new URL(req.url).searchParams.get("locale") ?? "";
  const locale = isLocale(asked) ? asked : defaultLocale;
  const view = await viewBooking({ actor, bookingId: id });
  if (!view) throw new AppError("notFound");
  const t = await getTranslations({ locale, namespace: "Booking" });
  const ti = await getTranslations({ locale, namespace: "Interviews" });
  const app = new URL(env().APP_URL);
  const url = new URL(localePath(locale, `/interviews/${id}`), app).toString();
  const body = ti(`bodies.${view.booking.bodyId}` as "bodies.steg");
  const ics = await icsFor({ actor, bookingId: id, summary: t("icsSummary", { body }), description: t("icsDescription", { reference: view.booking.reference, url }), url, host: app.hostname });
  if (!ics) throw new AppError("notFound");
  return new Response(ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${view.booking.reference}.ics"`,
      "Cache-Control": "private, no-store",
    },
  });
});
