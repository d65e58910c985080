import type { ReactNode } from "react";
import { getActor } from "@/lib/auth/session";
import { getTranslations } from "next-intl/server";
import { localePath, type Locale } from "@/lib/i18n/routing";
import { OutboxSync } from "@/components/outbox/outbox-sync";
import { AccountMenu } from "@/components/auth/account-menu";
import { LessonProgressSync } from "@/components/learning/lesson-progress-sync";
import { SiteHeader } from "./site-header";
import { SiteFooter } from "./site-footer";

/**
 * The frame of personal and staff pages. It only shows who is signed in: every page checks its
 * own authorisation (requirePageActor). Reading the session makes these pages dynamic, so Next
 * sends `Cache-Control: private, no-store` and the service worker never stores them.
 */
export async function SignedInShell({ locale, children }: { locale: Locale; children: ReactNode }) {
  const actor = await getActor();
  const o = await getTranslations({ locale, namespace: "Outbox" });
  return (
    <>
      <SiteHeader locale={locale} account={<AccountMenu locale={locale} actor={actor} />} />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 focus:outline-none">
        {actor?.role === "citizen" ? (
          <OutboxSync userId={actor.userId} locale={locale} labels={{ waiting: o("waitingNotice"), link: o("unsentLink"), href: localePath(locale, "/my/unsent") }} />
        ) : null}
        {actor ? <LessonProgressSync userId={actor.userId} /> : null}
        {children}
      </main>
      <SiteFooter locale={locale} />
    </>
  );
}
