import { getTranslations } from "next-intl/server";
import { defaultLocale, isLocale } from "@/lib/i18n/routing";
import { localized } from "@/lib/i18n/content";
import { getHouse } from "@/lib/houses/houses";
import { edge } from "@/lib/http/edge";
import { kioskStatus } from "@/lib/kiosk/visit";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const keys = ["finish", "print", "stillThere", "countdown", "continue", "sendNow", "unsentWaiting", "sending", "sendFailed", "offline", "online", "clearing", "house"] as const;

/** The corner's settings and words for its screen script; the house name comes from lib/houses. */
export const GET = edge({}, async (req: Request) => {
  const raw = new URL(req.url).searchParams.get("locale") ?? "";
  const locale = isLocale(raw) ? raw : defaultLocale;
  const t = await getTranslations({ locale, namespace: "Kiosk" });
  const texts = Object.fromEntries(keys.map((k) => [k, t.raw(k) as string]));
  return kioskStatus({
    houseName: (id) => {
      const house = getHouse(id);
      return house ? localized(house.name, locale) : id;
    },
    texts,
  });
});
