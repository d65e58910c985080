"use client";

import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { enhanceVerifier, type VerifierLabels, type VerifierProps } from "@/lib/documents/client/verifier";
import type { Locale } from "@/lib/i18n/routing";

export type { VerifierLabels };

/** The words of the form itself (the checker's are in VerifierLabels). */
export type VerifierFormWords = { code: string; codeHint: string; submit: string; scan: string; scanStop: string; scanHelp: string };

/**
 * The verify page's checker: the form renders on the server (a plain GET form that works without
 * JavaScript); lib/documents/client/verifier.ts checks a long code in the browser, here after
 * hydration and, on the lean page (docs/adr/0021), from /enhance/verifier.js.
 */
export function OfflineVerifier({ locale, action, words, labels }: { locale: Locale; action: string; words: VerifierFormWords; labels: VerifierLabels }) {
  const ref = useRef<HTMLDivElement>(null);
  const props = JSON.stringify({ locale, labels } satisfies VerifierProps);
  useEffect(() => (ref.current ? enhanceVerifier(ref.current) : undefined), [props]);
  return (
    <div ref={ref} data-enhance="verifier" data-props={props}>
      <form method="get" action={action} noValidate>
        <input type="hidden" name="locale" value={locale} />
        <TextField
          id="code"
          name="code"
          label={words.code}
          hint={words.codeHint}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          dir="ltr"
          className="max-w-md font-mono"
        />
        <div className="flex flex-wrap gap-4">
          <Button>{words.submit}</Button>
          <Button type="button" variant="secondary" hidden data-scan="">
            {words.scan}
          </Button>
          <Button type="button" variant="secondary" hidden data-scan-stop="">
            {words.scanStop}
          </Button>
        </div>
      </form>
      <p className="mb-4 font-semibold text-danger" role="alert" hidden data-scan-error="" />
      <div hidden className="mb-6" data-scan-view="">
        <p className="mb-2">{words.scanHelp}</p>
        <video className="w-full max-w-sm border-2 border-ink" muted playsInline aria-label={words.scanHelp} />
      </div>
      <div aria-live="polite" data-result="" />
    </div>
  );
}
