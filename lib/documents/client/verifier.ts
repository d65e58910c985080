/**
 * The verify page's checker (components/documents/offline-verifier.tsx renders its markup on the
 * server; this function brings it to life, called by the React leaf after hydration and by
 * /enhance/verifier.js on the lean page, docs/adr/0021). A code pasted or scanned (the long code a
 * QR carries) is checked here, in the browser, against the keys this phone keeps, with no server
 * round trip; a short printed code goes to the server as before (the form's plain GET, so it also
 * works without JavaScript). Online, the list is refreshed first, so a revocation shows at once.
 * The labels come from the server already translated; `{date}`-style placeholders are filled here.
 */
import { extractToken, readReceiptCertifies } from "@/lib/documents/compact";
import { verifyEd25519 } from "@/lib/documents/ed25519-browser";
import { isTrustList, verifyToken, type Outcome, type TrustList } from "@/lib/documents/offline-verify";
import { formatDate, formatMoney } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import { fill, readProps } from "@/lib/shell/enhance";

export type VerifierLabels = {
  codeRequired: string;
  errorPrefix: string;
  checking: string;
  noTrust: string;
  cameraUnavailable: string;
  listLive: string;
  /** "{date}" */
  listStored: string;
  genuine: string;
  genuineText: string;
  altered: string;
  alteredText: string;
  revoked: string;
  /** "{date}", "{asOf}" */
  revokedText: string;
  /** "{date}" */
  revokedLiveText: string;
  unknownKey: string;
  unknownKeyText: string;
  malformed: string;
  malformedText: string;
  kind: string;
  documentCode: string;
  holder: string;
  issued: string;
  validUntil: string;
  reference: string;
  total: string;
  /** "{reference}" */
  bill: string;
  /** Document kinds' names, by kind. */
  kinds: Record<string, string>;
  /** Billers' short names, by payee id. */
  billers: Record<string, string>;
};

export type VerifierProps = { locale: Locale; labels: VerifierLabels };

/** Where the phone keeps our public keys and the revocation list between visits. */
const STORE_KEY = "idarti.documents.trust.v1";
const TRUST_URL = "/api/documents/trust";

type Checked = { outcome: Outcome; live: boolean; asOf: string | null };
type Detector = { detect(source: CanvasImageSource): Promise<{ rawValue: string }[]> };
type DetectorCtor = new (opts: { formats: string[] }) => Detector;

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
  if (navigator.onLine === false) return null;
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

/** A small element builder: text only (user data never becomes markup). */
function h(tag: string, attrs: Record<string, string> = {}, ...children: (Node | string | null)[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  for (const c of children) if (c !== null) el.append(c);
  return el;
}
/** User or document text, isolated from the page's direction. */
const bdi = (text: string) => h("bdi", {}, text);

/** The outcome block and the document's details, as components/documents/offline-verifier.tsx did in React. */
export function renderOutcome(checked: Checked, p: VerifierProps): HTMLElement[] {
  const { labels: l, locale } = p;
  const { outcome } = checked;
  const when = (seconds: number) => formatDate(seconds * 1000, locale, "dateTime");
  const listLine = checked.live ? l.listLive : checked.asOf ? fill(l.listStored, { date: formatDate(checked.asOf, locale, "dateTime") }) : null;
  const line = listLine ? h("p", { class: "mt-2 text-sm" }, listLine) : null;
  if (outcome.status === "altered" || outcome.status === "unknownKey" || outcome.status === "malformed") {
    const [title, text] =
      outcome.status === "altered" ? [l.altered, l.alteredText] : outcome.status === "unknownKey" ? [l.unknownKey, l.unknownKeyText] : [l.malformed, l.malformedText];
    return [h("div", { class: "mb-8 border-8 border-danger p-6", "data-outcome": outcome.status }, h("h2", { class: "mb-2 text-3xl font-bold" }, title), h("p", { class: "text-lg" }, text), line)];
  }
  const doc = outcome.doc;
  const banner =
    outcome.status === "genuine"
      ? h("div", { class: "mb-8 bg-success p-6 text-white", "data-outcome": "genuine" }, h("h2", { class: "mb-2 text-3xl font-bold" }, l.genuine), h("p", { class: "text-lg" }, l.genuineText), line)
      : h(
          "div",
          { class: "mb-8 border-8 border-danger p-6", "data-outcome": "revoked" },
          h("h2", { class: "mb-2 text-3xl font-bold" }, l.revoked),
          h(
            "p",
            { class: "text-lg" },
            checked.live
              ? fill(l.revokedLiveText, { date: formatDate(outcome.revokedAt, locale, "dateTime") })
              : fill(l.revokedText, { date: formatDate(outcome.revokedAt, locale, "dateTime"), asOf: formatDate(outcome.asOf, locale, "dateTime") }),
          ),
        );
  const dl = h("dl", { class: "mb-8 grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[minmax(10rem,max-content)_1fr]" });
  const row = (term: string | Node, value: Node | string, extra = "") => {
    dl.append(h("dt", { class: "text-muted" }, term), h("dd", { class: `mb-2 sm:mb-0 ${extra}`.trim() }, value));
  };
  row(l.kind, l.kinds[doc.kind] ?? bdi(doc.kind));
  row(l.documentCode, bdi(doc.code), "font-mono font-semibold");
  if (doc.holder) row(l.holder, bdi(doc.holder));
  row(l.issued, when(doc.issuedAt));
  if (doc.validUntil !== null) row(l.validUntil, when(doc.validUntil));
  const receipt = doc.kind === "payment-receipt" ? readReceiptCertifies(doc.certifies) : null;
  if (receipt) {
    row(l.reference, bdi(receipt[0]), "font-semibold");
    for (const [payee, reference, amount] of receipt[2]) {
      const value = h("span", {}, bdi(fill(l.bill, { reference })), ` — ${formatMoney(amount, locale)}`);
      row(l.billers[payee] ?? bdi(payee), value);
    }
    row(l.total, formatMoney(receipt[1], locale), "font-semibold");
  }
  return [banner, dl];
}

/** The token in `#…` (a camera app opened the QR's link), or null; a malformed escape is no token. */
function readHashToken(): string | null {
  try {
    return extractToken(decodeURIComponent(window.location.hash.slice(1)));
  } catch {
    return null;
  }
}

/** Wires the verifier inside `root`; returns the clean-up (stops the camera). */
export function enhanceVerifier(root: HTMLElement): () => void {
  const props = readProps<VerifierProps>(root);
  const form = root.querySelector<HTMLFormElement>("form");
  const input = root.querySelector<HTMLInputElement>("input[name=code]");
  const submit = root.querySelector<HTMLButtonElement>("button[type=submit]");
  const scanButton = root.querySelector<HTMLButtonElement>("[data-scan]");
  const stopButton = root.querySelector<HTMLButtonElement>("[data-scan-stop]");
  const scanError = root.querySelector<HTMLElement>("[data-scan-error]");
  const scanView = root.querySelector<HTMLElement>("[data-scan-view]");
  const video = root.querySelector<HTMLVideoElement>("video");
  const result = root.querySelector<HTMLElement>("[data-result]");
  if (!props || !form || !input || !submit || !result) return () => {};
  const l = props.labels;
  let stream: MediaStream | null = null;

  function showError(message: string | null) {
    const group = input!.parentElement!;
    group.querySelector(`#${input!.id}-error`)?.remove();
    group.classList.toggle("border-s-4", Boolean(message));
    group.classList.toggle("border-danger", Boolean(message));
    group.classList.toggle("ps-3", Boolean(message));
    const describedBy = (input!.getAttribute("aria-describedby") ?? "").split(" ").filter((id) => id && id !== `${input!.id}-error`);
    if (message) {
      group.insertBefore(h("p", { id: `${input!.id}-error`, class: "font-semibold text-danger" }, h("span", { class: "sr-only" }, `${l.errorPrefix} `), message), input);
      input!.setAttribute("aria-invalid", "true");
      describedBy.push(`${input!.id}-error`);
    } else input!.removeAttribute("aria-invalid");
    if (describedBy.length > 0) input!.setAttribute("aria-describedby", describedBy.join(" "));
    else input!.removeAttribute("aria-describedby");
  }

  async function check(code: string) {
    submit!.disabled = true;
    result!.setAttribute("aria-busy", "true");
    result!.replaceChildren(h("p", {}, l.checking));
    const live = await refreshTrust();
    const trust = live ?? readStored();
    submit!.disabled = false;
    result!.removeAttribute("aria-busy");
    if (!trust) {
      result!.replaceChildren();
      showError(l.noTrust);
      return;
    }
    const outcome = await verifyToken(code, trust, verifyEd25519);
    showError(null);
    const box = h("div", { tabindex: "-1" }, ...renderOutcome({ outcome, live: Boolean(live), asOf: trust.asOf }, props!));
    result!.replaceChildren(box);
    requestAnimationFrame(() => box.focus());
  }

  function onSubmit(e: SubmitEvent) {
    const typed = input!.value.trim();
    if (!typed) {
      e.preventDefault();
      result!.replaceChildren();
      showError(l.codeRequired);
      return;
    }
    // A long code is checked here; a short printed code goes to the server (the form's GET).
    if (extractToken(typed) || typed.length > 40) {
      e.preventDefault();
      void check(typed);
    }
  }

  function stopScan() {
    stream?.getTracks().forEach((t) => t.stop());
    stream = null;
    if (scanView) scanView.hidden = true;
    if (stopButton) stopButton.hidden = true;
    if (scanButton) scanButton.hidden = false;
  }

  async function startScan() {
    if (scanError) scanError.hidden = true;
    try {
      const Ctor = (window as unknown as { BarcodeDetector: DetectorCtor }).BarcodeDetector;
      const detector = new Ctor({ formats: ["qr_code"] });
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
      if (scanView) scanView.hidden = false;
      if (scanButton) scanButton.hidden = true;
      if (stopButton) stopButton.hidden = false;
      video!.srcObject = stream;
      await video!.play();
      const tick = async () => {
        if (!stream) return;
        const codes = await detector.detect(video!).catch(() => []);
        const found = codes.map((c) => extractToken(c.rawValue)).find(Boolean);
        if (found) {
          stopScan();
          input!.value = found;
          void check(found);
        } else setTimeout(() => void tick(), 250);
      };
      void tick();
    } catch {
      stopScan();
      if (scanError) {
        scanError.textContent = l.cameraUnavailable;
        scanError.hidden = false;
      }
    }
  }

  form.addEventListener("submit", onSubmit);
  const onScan = () => void startScan();
  scanButton?.addEventListener("click", onScan);
  stopButton?.addEventListener("click", stopScan);
  // Keep the list fresh whenever the page opens online, so it is there when the phone is not.
  void refreshTrust();
  if (scanButton && video && "BarcodeDetector" in window && Boolean(navigator.mediaDevices?.getUserMedia)) scanButton.hidden = false;
  // data-ready: the long code is checked here from now on (tests wait for it).
  form.dataset.ready = "true";
  // A QR scanned by the phone's camera app opens …/verify#token: check it at once.
  const fromLink = readHashToken();
  if (fromLink) {
    input.value = fromLink;
    void check(fromLink);
  }
  return () => {
    form.removeEventListener("submit", onSubmit);
    scanButton?.removeEventListener("click", onScan);
    stopButton?.removeEventListener("click", stopScan);
    delete form.dataset.ready;
    stopScan();
  };
}
