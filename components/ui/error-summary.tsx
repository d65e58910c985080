"use client";

import { useEffect, useRef, type MouseEvent } from "react";
import { useErrorTitlePrefix } from "./error-title";

export type SummaryError = { href: string; message: string };

/** Marks the <title> the summary adds to a server-rendered page, so the browser code can replace it. */
const TITLE_MARK = "data-error-title";

/** «Error: » + the page's own title, never twice. */
export function errorTitle(prefix: string, title: string): string {
  const base = title.startsWith(`${prefix} `) ? title.slice(prefix.length + 1) : title;
  return prefix ? `${prefix} ${base}` : base;
}

/**
 * GOV.UK error summary, for every form of the app (WCAG 2.4.3, 3.3.1):
 * - it takes focus, so it is read out: by the browser's `autofocus` on a server-rendered page
 *   (no JavaScript), and by this component whenever a client form shows a new set of errors
 *   (React does not honour autoFocus on a <div>);
 * - the page title starts with "Error:" in the page's language: a <title> rendered with the
 *   summary (React puts it first in <head>) without JavaScript, document.title with it;
 * - each link moves focus to its field — for a group of radios or checkboxes, to the first box
 *   (components/ui/field.tsx gives the first box the field's id).
 */
export function ErrorSummary({ title, errors }: { title: string; errors: SummaryError[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const prefix = useErrorTitlePrefix();
  const signature = errors.map((e) => `${e.href}\u0000${e.message}`).join("\u0001");

  useEffect(() => {
    if (!signature) return;
    ref.current?.focus();
    // The server's stand-in title goes; the page's real one gets the prefix — and keeps it while
    // the summary is shown, even when Next streams or updates the page's metadata afterwards.
    for (const el of Array.from(document.querySelectorAll(`title[${TITLE_MARK}]`))) el.remove();
    const apply = () => {
      const wanted = errorTitle(prefix, document.title);
      if (document.title !== wanted) document.title = wanted;
    };
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(document.documentElement, { subtree: true, childList: true, characterData: true });
    return () => {
      observer.disconnect();
      if (prefix && document.title.startsWith(`${prefix} `)) document.title = document.title.slice(prefix.length + 1);
    };
  }, [signature, prefix]);

  if (errors.length === 0) return null;

  function follow(e: MouseEvent<HTMLAnchorElement>, href: string) {
    if (!href.startsWith("#")) return;
    const target = document.getElementById(decodeURIComponent(href.slice(1)));
    if (!target) return;
    // A group's id on a container (older markup): its first box instead.
    // A form's own id (an error that names no field): its first control.
    const field = target.matches("input, select, textarea, button") ? target : target.querySelector<HTMLElement>("input:not([type=hidden]), select, textarea, button:not([hidden])");
    if (!field) return;
    e.preventDefault();
    // Show the question with its label or legend, then focus the control.
    (field.closest("fieldset") ?? field.parentElement ?? field).scrollIntoView({ block: "start" });
    field.focus({ preventScroll: true });
  }

  return (
    <div
      ref={ref}
      role="alert"
      aria-labelledby="error-summary-title"
      tabIndex={-1}
      autoFocus
      className="mb-8 border-4 border-danger p-4 focus:outline-3 focus:outline-focus"
      data-error-summary
    >
      {typeof window === "undefined" && prefix ? <title {...{ [TITLE_MARK]: "" }}>{errorTitle(prefix, title)}</title> : null}
      <h2 id="error-summary-title" className="mb-2 text-xl font-bold">
        {title}
      </h2>
      <ul className="flex flex-col gap-1">
        {errors.map((e) => (
          <li key={e.href + e.message}>
            <a href={e.href} onClick={(ev) => follow(ev, e.href)} className="font-semibold text-danger underline">
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
