import { getRequestConfig } from "next-intl/server";
import { hasLocale } from "next-intl";
import { contentLocale, routing } from "./routing";
import { TIME_ZONE } from "./format";

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  return {
    locale,
    timeZone: TIME_ZONE,
    messages: (await import(`../../messages/${contentLocale(locale)}.json`)).default,
  };
});

