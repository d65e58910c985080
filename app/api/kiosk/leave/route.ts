import { defaultLocale, isLocale, localePath } from "@/lib/i18n/routing";
import { edge } from "@/lib/http/edge";
import { leaveKiosk } from "@/lib/kiosk/visit";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** A revoked corner lands here: its cookies are expired and it goes to the ordinary home page. */
export const GET = edge({}, async (req: Request) => {
  const raw = new URL(req.url).searchParams.get("locale") ?? "";
  const locale = isLocale(raw) ? raw : defaultLocale;
  return leaveKiosk(localePath(locale, "/"));
});
