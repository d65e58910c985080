import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/auth/roles";
import { isStaff } from "@/lib/auth/roles";
import { localePath, type Locale } from "@/lib/i18n/routing";

/** The header's account area in signed-in sections: who is signed in and where their things are. */
export async function AccountMenu({ locale, actor }: { locale: Locale; actor: Actor | null }) {
  const t = await getTranslations({ locale, namespace: "Account" });
  if (!actor) {
    return (
      <Link href={localePath(locale, "/sign-in")} className="inline-flex min-h-11 items-center px-2 font-semibold text-white underline">
        {t("signIn")}
      </Link>
    );
  }
  return (
    <nav aria-label={t("menu")}>
      <ul className="flex flex-wrap items-center gap-x-3">
        <li className="text-sm">{actor.name ?? t("unnamed")}</li>
        <li>
          <Link href={localePath(locale, isStaff(actor.role) ? "/staff" : "/my")} className="inline-flex min-h-11 items-center px-2 font-semibold text-white underline">
            {isStaff(actor.role) ? t("staffHome") : t("myFile")}
          </Link>
        </li>
        <li>
          <Link href={localePath(locale, "/account")} className="inline-flex min-h-11 items-center px-2 text-white underline">
            {t("account")}
          </Link>
        </li>
      </ul>
    </nav>
  );
}
