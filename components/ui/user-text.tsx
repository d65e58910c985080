import type { ReactNode } from "react";

/**
 * The one way to put text the app did not write (a citizen's words, a name, a file label, a
 * house's address) on a page: <bdi dir="auto"> lays it out by its own first strong letter and
 * isolates it, so Arabic words on a French page stay right-to-left, a French sentence on an
 * Arabic page keeps its full stop at its end, and a bidi control inside (e.g. a RIGHT-TO-LEFT
 * OVERRIDE in a name) cannot reorder what stands beside it. `lang` marks data that exists in one
 * language only (a name written in French on the Arabic page), for speech and hyphenation.
 * For strings (attributes, message parameters) see lib/i18n/bidi.ts.
 */
export function UserText({ children, lang, className, as: Tag = "bdi" }: { children: ReactNode; lang?: string; className?: string; as?: "bdi" | "div" | "p" | "dd" | "td" | "li" }) {
  if (children === null || children === undefined || children === "") return null;
  return (
    <Tag dir="auto" lang={lang} className={className} data-user-text>
      {children}
    </Tag>
  );
}

/**
 * A left-to-right run inside any text: phone numbers, amounts, references, codes, dates-times,
 * e-mails. `nowrap` keeps a short value on one line (a phone number, a reference: never split
 * at its spaces or hyphens); long values (an e-mail, a verification code) may break anywhere
 * instead, so they never push the page wider than a 320 px screen.
 */
export function Ltr({ children, nowrap = false, className = "" }: { children: ReactNode; nowrap?: boolean; className?: string }) {
  if (children === null || children === undefined || children === "") return null;
  return (
    <bdi dir="ltr" data-ltr className={`${nowrap ? "whitespace-nowrap" : "break-anywhere"} ${className}`.trim()}>
      {children}
    </bdi>
  );
}
