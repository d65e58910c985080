import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/auth/roles";
import { isStaff } from "@/lib/auth/roles";
import { homePathFor } from "@/lib/auth/accounts";
import { SignOutForm } from "./sign-out-form";
import { localePath, type Locale } from "@/lib/i18n/routing";
import { unreadCountFor } from "@/lib/notifications/queries";
import { UserText } from "@/components/ui/user-text";

const link = "inline-flex min-h-11 items-center px-2 text-white underline";

/** The header's account area in signed-in sections: who is signed in, where their things are, sign out. */
export async function AccountMenu({ locale, actor }: { locale: Locale; actor: Actor | null }) {
  const t = await getTranslations({ locale, namespace: "Account" });
  if (!actor) {
    return (
      <Link prefetch={false} href={localePath(locale, "/sign-in")} className={`${link} font-semibold`}>
        {t("signIn")}
      </Link>
    );
  }
  const inbox = await getTranslations({ locale, namespace: "Inbox" });
  const g = await getTranslations({ locale, namespace: "Guidance" });
  // Each role's own home: a volunteer has no file of their own (issue 18: no 404 links).
  const home = homePathFor(actor.role);
  const so = await getTranslations({ locale, namespace: "SignOut" });
  const signOutLabels = { unsentTitle: so("unsentTitle"), unsentText: so("unsentText"), sendNow: so("sendNow"), keep: so("keep"), delete: so("delete"), cancel: so("cancel"), sending: so("sending"), failed: so("failed") };
  // The header must render even if the count cannot be read.
  const unread = await unreadCountFor(actor).catch(() => null);
  return (
    <nav aria-label={t("menu")}>
      <ul className="flex flex-wrap items-center gap-x-3">
        <li className="text-sm">{actor.name ? <UserText>{actor.name}</UserText> : t("unnamed")}</li>
        <li>
          <Link prefetch={false} href={localePath(locale, home)} className={`${link} font-semibold`}>
            {isStaff(actor.role) ? t("staffHome") : actor.role === "volunteer" ? g("home.title") : t("myFile")}
          </Link>
        </li>
        {actor.role === "volunteer" && actor.interpreter ? (
          <li>
            <Link prefetch={false} href={localePath(locale, "/staff/agenda")} className={link}>
              {g("home.agenda")}
            </Link>
          </li>
        ) : null}
        <li>
          <Link prefetch={false} href={localePath(locale, "/my/inbox")} className={`${link} gap-1`}>
            {inbox("headerLink")}
            {unread ? (
              <span className="rounded-full bg-white px-2 text-sm font-bold text-brand-dark" data-unread={unread}>
                {unread}
                <span className="sr-only"> — {inbox("unread", { count: unread })}</span>
              </span>
            ) : null}
          </Link>
        </li>
        <li>
          <Link prefetch={false} href={localePath(locale, "/account")} className={link}>
            {t("account")}
          </Link>
        </li>
        <li>
          {/* A form, not a link: signing out changes state, and works without JavaScript. */}
          <SignOutForm locale={locale} userId={actor.userId} className={`${link} cursor-pointer bg-transparent`} labels={{ signOut: t("signOut"), ...signOutLabels }} />
        </li>
      </ul>
    </nav>
  );
}
