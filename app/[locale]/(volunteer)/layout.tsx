import type { ReactNode } from "react";
import { SignedInShell } from "@/components/shell/signed-in-shell";
import { pageLocale } from "@/lib/i18n/page-locale";

export default async function Layout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const locale = await pageLocale(params);
  return <SignedInShell locale={locale}>{children}</SignedInShell>;
}
