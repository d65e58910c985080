import { getRequestConfig } from "next-intl/server";
import { hasLocale } from "next-intl";
import { routing } from "./routing";
import { TIME_ZONE } from "./format";

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  return {
    locale,
    timeZone: TIME_ZONE,
    messages: (await import(`../../messages/${fileFor(locale)}.json`)).default,
  };
});

function fileFor(locale: string): "ar" | "fr" | "en" {
  return locale.startsWith("ar") ? "ar" : locale.startsWith("fr") ? "fr" : "en";
}
