"use client";
import { useTranslations } from "next-intl";

import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { extractToken, readReceiptCertifies } from "@/lib/documents/compact";
import { verifyEd25519 } from "@/lib/documents/ed25519-browser";
import { isTrustList, verifyToken, type Outcome, type TrustList } from "@/lib/documents/offline-verify";
import { formatDate, formatMoney } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";

/** Where the phone keeps our public keys and the revocation list between visits. */
const STORE_KEY = "idarti.documents.trust.v1";
const TRUST_URL = "/api/documents/trust";


type Checked = { outcome: Outcome; live: boolean; asOf: string | null };

function readStored(): TrustList | null {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(STORE_KEY) ?? "null");
    return isTrustList(v) ? v : null;
  } catch {
    return null;
  }
}

/** Asks the server for the current list (keys and revocations) and keeps it; null offline. */
async function refreshTrust(): Promise<TrustList | null> {
  if (typeof navigator !== "undefined" && navigator.onLine === false) return null;
  try {
    const ctrl = new AbortController();
    const timer = setTimeout(() => ctrl.abort(), 5000);
    const res = await fetch(TRUST_URL, { cache: "no-store", signal: ctrl.signal });
    clearTimeout(timer);
    if (!res.ok) return null;
    const v: unknown = await res.json();
    if (!isTrustList(v)) return null;
    try {
      localStorage.setItem(STORE_KEY, JSON.stringify(v));
    } catch {
      // Storage full or refused: this check still uses the list just received.
    }
    return v;
  } catch {
    return null;
  }
}

type Detector = { detect(source: CanvasImageSource): Promise<{ rawValue: string }[]> };
type DetectorCtor = new (opts: { formats: string[] }) => Detector;

/**
 * The verify page's checker: a code pasted or scanned (the long code a QR carries) is checked
 * here, in the browser, against the keys this phone keeps, with no server round trip; a short
 * printed code goes to the server as before (plain GET form, so it also works without
 * JavaScript). Online, the list is refreshed first, so a revocation shows at once.
 */
export function OfflineVerifier({ locale, action }: { locale: Locale; action: string }) {
  const labels = useWords();
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [checked, setChecked] = useState<Checked | null>(null);
  const [busy, setBusy] = useState(false);
  const [canScan, setCanScan] = useState(false);
  const [scanning, setScanning] = useState(false);
  const [scanError, setScanError] = useState<string | null>(null);
  const [ready, setReady] = useState(false);
  const videoRef = useRef<HTMLVideoElement>(null);
  const streamRef = useRef<MediaStream | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  const check = useCallback(async (input: string) => {
    setBusy(true);
    const live = await refreshTrust();
    const trust = live ?? readStored();
    if (!trust) {
      setChecked(null);
      setError(labels.noTrust);
      setBusy(false);
      return;
    }
    const outcome = await verifyToken(input, trust, verifyEd25519);
    setError(undefined);
    setChecked({ outcome, live: Boolean(live), asOf: trust.asOf });
    setBusy(false);
    requestAnimationFrame(() => resultRef.current?.focus());
  }, [labels.noTrust]);

  useEffect(() => {
    // Keep the list fresh whenever the page opens online, so it is there when the phone is not.
    void refreshTrust();
    setCanScan("BarcodeDetector" in window && Boolean(navigator.mediaDevices?.getUserMedia));
    setReady(true);
    // A QR scanned by the phone's camera app opens …/verify#token: check it at once.
    const fromLink = extractToken(decodeURIComponent(window.location.hash.slice(1)));
    if (fromLink) {
      setValue(fromLink);
      void check(fromLink);
    }
  }, [check]);

  const stopScan = useCallback(() => {
    streamRef.current?.getTracks().forEach((t) => t.stop());
    streamRef.current = null;
    setScanning(false);
  }, []);
  useEffect(() => stopScan, [stopScan]);

  async function startScan() {
    setScanError(null);
    try {
      const Ctor = (window as unknown as { BarcodeDetector: DetectorCtor }).BarcodeDetector;
      const detector = new Ctor({ formats: ["qr_code"] });
      const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
      streamRef.current = stream;
      setScanning(true);
      const video = videoRef.current!;
      video.srcObject = stream;
      await video.play();
      const tick = async () => {
        if (!streamRef.current) return;
        const codes = await detector.detect(video).catch(() => []);
        const found = codes.map((c) => extractToken(c.rawValue)).find(Boolean);
        if (found) {
          stopScan();
          setValue(found);
          void check(found);
        } else setTimeout(() => void tick(), 250);
      };
      void tick();
    } catch {
      stopScan();
      setScanError(labels.cameraUnavailable);
    }
  }

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    const typed = value.trim();
    if (!typed) {
      e.preventDefault();
      setChecked(null);
      setError(labels.codeRequired);
      return;
    }
    // A long code is checked here; a short printed code goes to the server (the form's GET).
    if (extractToken(typed) || typed.length > 40) {
      e.preventDefault();
      void check(typed);
    }
  }

  return (
    <>
      {/* data-ready: the long code is checked here from now on (tests wait for it). */}
      <form method="get" action={action} noValidate onSubmit={onSubmit} data-ready={ready || undefined}>
        <input type="hidden" name="locale" value={locale} />
        <TextField
          id="code"
          name="code"
          label={labels.code}
          hint={labels.codeHint}
          error={error}
          errorPrefix={labels.errorPrefix}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          dir="ltr"
          className="max-w-md font-mono"
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
        <div className="flex flex-wrap gap-4">
          <Button disabled={busy}>{labels.submit}</Button>
          {canScan && !scanning ? (
            <Button type="button" variant="secondary" onClick={() => void startScan()}>
              {labels.scan}
            </Button>
          ) : null}
          {scanning ? (
            <Button type="button" variant="secondary" onClick={stopScan}>
              {labels.scanStop}
            </Button>
          ) : null}
        </div>
      </form>
      {scanError ? (
        <p className="mb-4 font-semibold text-danger" role="alert">
          {scanError}
        </p>
      ) : null}
      <div hidden={!scanning} className="mb-6">
        <p className="mb-2">{labels.scanHelp}</p>
        <video ref={videoRef} className="w-full max-w-sm border-2 border-ink" muted playsInline aria-label={labels.scanHelp} />
      </div>
      <div aria-live="polite" aria-busy={busy}>
        {busy ? <p>{labels.checking}</p> : null}
        {checked && !busy ? (
          <div ref={resultRef} tabIndex={-1}>
            <Result checked={checked} locale={locale} />
          </div>
        ) : null}
      </div>
    </>
  );
}

/**
 * The verifier's words, from next-intl (the page provides DocumentCheck and the few Verify,
 * Receipt and Bills messages it uses, app/[locale]/(public)/verify/page.tsx), with their arguments
 * filled by ICU.
 */
function useWords() {
  const d = useTranslations("DocumentCheck");
  const v = useTranslations("Verify");
  const ui = useTranslations("Ui");
  const r = useTranslations("Receipt");
  const b = useTranslations("Bills");
  const loose = (t: unknown) => t as ((k: string, values?: Record<string, string>) => string) & { has: (k: string) => boolean };
  const dl = loose(d);
  const bl = loose(b);
  return {
    code: v("code"),
    codeHint: d("codeHint"),
    codeRequired: v("codeRequired"),
    errorPrefix: ui("errorPrefix"),
    submit: v("submit"),
    scan: d("scan"),
    scanStop: d("scanStop"),
    scanHelp: d("scanHelp"),
    cameraUnavailable: d("cameraUnavailable"),
    checking: d("checking"),
    noTrust: d("noTrust"),
    listLive: d("listLive"),
    listStored: (date: string) => d("listStored", { date }),
    genuine: d("genuine"),
    genuineText: d("genuineText"),
    altered: d("altered"),
    alteredText: d("alteredText"),
    revoked: d("revoked"),
    revokedText: (date: string, asOf: string) => d("revokedText", { date, asOf }),
    revokedLiveText: (date: string) => d("revokedLiveText", { date }),
    unknownKey: d("unknownKey"),
    unknownKeyText: d("unknownKeyText"),
    malformed: d("malformed"),
    malformedText: d("malformedText"),
    kind: d("kind"),
    kinds: { get: (kind: string) => (dl.has(`kinds.${kind}`) ? dl(`kinds.${kind}`) : null) },
    documentCode: d("documentCode"),
    holder: d("holder"),
    issued: v("issued"),
    validUntil: d("validUntil"),
    reference: r("reference"),
    total: r("total"),
    billers: { get: (payee: string) => (bl.has(`billers.${payee}.short`) ? bl(`billers.${payee}.short`) : null) },
    bill: (reference: string) => b("bill", { reference }),
  };
}


function Result({ checked, locale }: { checked: Checked; locale: Locale }) {
  const labels = useWords();
  const { outcome } = checked;
  const when = (seconds: number) => formatDate(seconds * 1000, locale, "dateTime");
  const listLine = checked.live ? labels.listLive : checked.asOf ? labels.listStored(formatDate(checked.asOf, locale, "dateTime")) : null;
  if (outcome.status === "altered" || outcome.status === "unknownKey" || outcome.status === "malformed") {
    const [title, text] =
      outcome.status === "altered" ? [labels.altered, labels.alteredText] : outcome.status === "unknownKey" ? [labels.unknownKey, labels.unknownKeyText] : [labels.malformed, labels.malformedText];
    return (
      <div className="mb-8 border-8 border-danger p-6" data-outcome={outcome.status}>
        <h2 className="mb-2 text-3xl font-bold">{title}</h2>
        <p className="text-lg">{text}</p>
        {listLine ? <p className="mt-2 text-sm">{listLine}</p> : null}
      </div>
    );
  }
  const doc = outcome.doc;
  const receipt = doc.kind === "payment-receipt" ? readReceiptCertifies(doc.certifies) : null;
  return (
    <>
      {outcome.status === "genuine" ? (
        <div className="mb-8 bg-success p-6 text-white" data-outcome="genuine">
          <h2 className="mb-2 text-3xl font-bold">{labels.genuine}</h2>
          <p className="text-lg">{labels.genuineText}</p>
          {listLine ? <p className="mt-2 text-sm">{listLine}</p> : null}
        </div>
      ) : (
        <div className="mb-8 border-8 border-danger p-6" data-outcome="revoked">
          <h2 className="mb-2 text-3xl font-bold">{labels.revoked}</h2>
          <p className="text-lg">
            {checked.live
              ? labels.revokedLiveText(formatDate(outcome.revokedAt, locale, "dateTime"))
              : labels.revokedText(formatDate(outcome.revokedAt, locale, "dateTime"), formatDate(outcome.asOf, locale, "dateTime"))}
          </p>
        </div>
      )}
      <dl className="mb-8 grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[minmax(10rem,max-content)_1fr]">
        <dt className="text-muted">{labels.kind}</dt>
        <dd className="mb-2 sm:mb-0">{labels.kinds.get(doc.kind) ?? <bdi>{doc.kind}</bdi>}</dd>
        <dt className="text-muted">{labels.documentCode}</dt>
        <dd className="mb-2 font-mono font-semibold sm:mb-0">
          <bdi>{doc.code}</bdi>
        </dd>
        {doc.holder ? (
          <>
            <dt className="text-muted">{labels.holder}</dt>
            <dd className="mb-2 sm:mb-0">
              <bdi>{doc.holder}</bdi>
            </dd>
          </>
        ) : null}
        <dt className="text-muted">{labels.issued}</dt>
        <dd className="mb-2 sm:mb-0">{when(doc.issuedAt)}</dd>
        {doc.validUntil !== null ? (
          <>
            <dt className="text-muted">{labels.validUntil}</dt>
            <dd className="mb-2 sm:mb-0">{when(doc.validUntil)}</dd>
          </>
        ) : null}
        {receipt ? (
          <>
            <dt className="text-muted">{labels.reference}</dt>
            <dd className="mb-2 font-semibold sm:mb-0">
              <bdi>{receipt[0]}</bdi>
            </dd>
            {receipt[2].map(([payee, reference, amount]) => (
              <div key={`${payee}:${reference}`} className="contents">
                <dt className="text-muted">{labels.billers.get(payee) ?? <bdi>{payee}</bdi>}</dt>
                <dd className="mb-2 sm:mb-0">
                  <bdi>{labels.bill(reference)}</bdi> — {formatMoney(amount, locale)}
                </dd>
              </div>
            ))}
            <dt className="text-muted">{labels.total}</dt>
            <dd className="mb-2 font-semibold sm:mb-0">{formatMoney(receipt[1], locale)}</dd>
          </>
        ) : null}
      </dl>
    </>
  );
}
