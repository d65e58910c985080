// @ts-check
/*
 * The screen of a self-service corner (lib/kiosk, docs/adr/0015). Plain JavaScript, loaded only
 * when the page finds the corner's marker cookie (lib/kiosk/boot.ts), so that no other visitor
 * downloads a byte of it; it also runs on the static public pages, which know nothing of kiosks.
 *
 * - asks the server, at each page and once a minute while someone is active, whether this is
 *   still an enrolled corner (a revoked one leaves kiosk mode), which keeps the person's
 *   session alive while they use the screen;
 * - shows "finish and clear" and "print" at all times, and says plainly when the network drops;
 * - after the corner's idle time, a full-screen "are you still there?" countdown (30 s) that
 *   offers to send what is still unsent; then the wipe.
 *
 * The wipe: unsent items and drafts deleted from IndexedDB, the session ended on the server (which
 * answers with Clear-Site-Data and expires the person's cookies), Local and Session Storage,
 * Cache Storage, every IndexedDB database, the cookies scripts can see, and the history: the
 * start page replaces the current entry, and earlier entries are refused by the server now that
 * the session is gone (and are reloaded, not restored from the back/forward cache).
 */
(() => {
  if (/** @type {any} */ (window).__idartiKiosk) return;
  /** @type {any} */ (window).__idartiKiosk = true;

  const html = document.documentElement;
  const locale = html.lang || "ar-TN";
  const prefix = { "ar-TN": "/ar", "fr-TN": "/fr", en: "/en" }[locale] || "/ar";
  const START = prefix + "/kiosk";
  const MARKER = "idarti-kiosk";
  const OUTBOX_DB = "idarti-outbox";

  /** Until the server answers (or offline at the first page): the button still works. */
  const fallbackTexts = {
    finish: "إنهاء ومسح · Terminer et effacer · Finish and clear",
    print: "طباعة · Imprimer · Print",
    stillThere: "هل ما زلت هنا؟ · Êtes-vous toujours là ? · Are you still there?",
    countdown: "{seconds}",
    continue: "ما زلت هنا · Je suis toujours là · I am still here",
    sendNow: "أرسله الآن · L’envoyer maintenant · Send it now",
    unsentWaiting: "",
    sending: "…",
    sendFailed: "✗",
    offline: "لا شبكة · Pas de réseau · No network",
    online: "✓",
    clearing: "…",
    house: "",
  };

  /** @type {{ idleSeconds: number; countdownSeconds: number; house: string; userId: string | null; texts: Record<string, string> }} */
  const cfg = { idleSeconds: 180, countdownSeconds: 30, house: "", userId: null, texts: fallbackTexts };
  /**
   * The last touch, kept across page loads (a page that reloads or moves on by itself, like the
   * payment's waiting page, is not a person): Session Storage, emptied by the wipe.
   */
  const ACTIVITY_KEY = "idarti.kiosk.activity";
  const WIPE = "idarti-kiosk-wipe";
  const readWipe = () => /(?:^|; )idarti-kiosk-wipe=([^;]*)/.exec(document.cookie)?.[1] ?? null;
  const setWipe = (/** @type {string} */ value) => {
    document.cookie = `${WIPE}=${value}; Max-Age=300; path=/; secure; samesite=strict`;
  };
  let lastActivity = Date.now();
  try {
    const kept = Number(sessionStorage.getItem(ACTIVITY_KEY));
    if (kept > 0 && kept <= lastActivity) lastActivity = kept;
  } catch {}
  let savedActivity = 0;
  let lastBeat = Date.now();
  let activeSinceBeat = false;
  /** @type {{ root: HTMLElement; left: number; timer: ReturnType<typeof setInterval> } | null} */
  let countdown = null;
  let wiping = false;
  let starting = false;

  // No "install this app" on a shared screen.
  window.addEventListener("beforeinstallprompt", (e) => e.preventDefault());
  // A page restored from the back/forward cache may belong to someone who has left: ask the server again.
  window.addEventListener("pageshow", (e) => {
    if (e.persisted) location.reload();
  });

  /** @param {string} tag @param {Record<string, string>} [attrs] @param {(Node | string)[]} [children] */
  function el(tag, attrs = {}, children = []) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    for (const c of children) node.append(c);
    return node;
  }
  const t = (/** @type {string} */ key) => cfg.texts[key] || /** @type {Record<string, string>} */ (fallbackTexts)[key] || "";

  // ---- IndexedDB: the outbox of lib/outbox/client/store.ts -------------------------------------

  /** @returns {Promise<IDBDatabase | null>} */
  function openOutbox() {
    return new Promise((resolve) => {
      try {
        const req = indexedDB.open(OUTBOX_DB);
        // Never create it here: an upgrade would make an empty database with no stores.
        req.onupgradeneeded = () => {
          req.transaction?.abort();
        };
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => resolve(null);
        req.onblocked = () => resolve(null);
      } catch {
        resolve(null);
      }
    });
  }

  /** @param {IDBDatabase} db @param {string} store @returns {Promise<any[]>} */
  function all(db, store) {
    return new Promise((resolve) => {
      if (!db.objectStoreNames.contains(store)) return resolve([]);
      const req = db.transaction(store, "readonly").objectStore(store).getAll();
      req.onsuccess = () => resolve(req.result || []);
      req.onerror = () => resolve([]);
    });
  }

  /** @param {IDBDatabase} db @param {string} store @param {IDBValidKey | null} key */
  function remove(db, store, key) {
    return new Promise((resolve) => {
      if (!db.objectStoreNames.contains(store)) return resolve(undefined);
      const tx = db.transaction(store, "readwrite");
      if (key === null) tx.objectStore(store).clear();
      else tx.objectStore(store).delete(key);
      tx.oncomplete = () => resolve(undefined);
      tx.onerror = () => resolve(undefined);
      tx.onabort = () => resolve(undefined);
    });
  }

  /** What waits to be sent on this screen (queued or refused submissions). */
  async function unsentItems() {
    const db = await openOutbox();
    if (!db) return [];
    try {
      return await all(db, "items");
    } finally {
      db.close();
    }
  }

  /** Empties the outbox; true when something that was never sent (an item or a draft) went with it. */
  async function emptyOutbox() {
    const db = await openOutbox();
    if (!db) return false;
    try {
      const items = await all(db, "items");
      const drafts = await all(db, "drafts");
      await remove(db, "items", null);
      await remove(db, "drafts", null);
      return items.length + drafts.length > 0;
    } finally {
      db.close();
    }
  }

  /** Sends what waits, now (the corner never keeps anything for later). True when all went. */
  async function sendNow() {
    const db = await openOutbox();
    if (!db) return true;
    let ok = true;
    try {
      for (const item of await all(db, "items")) {
        if (item.state !== "queued") {
          ok = false;
          continue;
        }
        try {
          const res = await fetch("/api/v1/submissions", {
            method: "POST",
            credentials: "same-origin",
            headers: { "content-type": "application/json", "idempotency-key": item.key, "x-idarti-user": item.userId },
            body: JSON.stringify({ kind: item.kind, payload: item.payload, locale }),
          });
          if (res.ok) await remove(db, "items", item.key);
          else ok = false;
        } catch {
          ok = false;
        }
      }
    } finally {
      db.close();
    }
    return ok;
  }

  // ---- The wipe ----------------------------------------------------------------------------------

  /** @param {Promise<unknown>} p @param {number} ms */
  const within = (p, ms) => Promise.race([p.catch(() => undefined), new Promise((r) => setTimeout(r, ms))]);

  async function wipe() {
    if (wiping) return;
    wiping = true;
    stopCountdown();
    const overlay = el("div", { class: "kiosk-overlay", role: "alert" }, [el("p", { class: "kiosk-dialog" }, [t("clearing")])]);
    document.body.append(overlay);
    // A page that reloads by itself in the middle of the wipe (the payment's waiting page does)
    // must not stop it: a short-lived cookie (storage is being emptied) makes the next page carry
    // on at once, and remembers whether something unsent went with the first attempt.
    const pending = readWipe();
    let unsent = pending === "unsent";
    setWipe(unsent ? "unsent" : "1");
    try {
      // No answer in 5 s (IndexedDB stuck): cannot tell, so say so rather than pretend nothing was there.
      const emptied = await within(emptyOutbox(), 5000);
      if (emptied !== false) unsent = true;
    } catch {
      unsent = true;
    }
    if (unsent) setWipe("unsent");
    // The session ends on the server; its answer carries Clear-Site-Data and expires the cookies.
    await within(fetch("/api/kiosk/finish", { method: "POST", credentials: "same-origin", headers: { "content-type": "application/json" }, body: "{}" }), 5000);
    try {
      localStorage.clear();
    } catch {}
    try {
      sessionStorage.clear();
    } catch {}
    try {
      const names = await caches.keys();
      await within(Promise.all(names.map((n) => caches.delete(n))), 2000);
    } catch {}
    try {
      const dbs = await indexedDB.databases();
      await within(Promise.all(dbs.map((d) => new Promise((r) => {
        if (!d.name) return r(undefined);
        const req = indexedDB.deleteDatabase(d.name);
        req.onsuccess = req.onerror = req.onblocked = () => r(undefined);
      }))), 1500);
    } catch {}
    for (const part of document.cookie.split(";")) {
      const name = part.split("=")[0]?.trim();
      if (name && name !== MARKER) document.cookie = `${name}=; Max-Age=0; path=/; secure`;
    }
    // (the wipe's own cookie went with the others: the next page starts clean)
    // Replace, not push: Back from the start page leads to what the server now refuses.
    location.replace(START + (unsent ? "?unsent=1" : "?cleared=1"));
  }

  // ---- The countdown -----------------------------------------------------------------------------

  function stopCountdown() {
    if (!countdown) return;
    clearInterval(countdown.timer);
    countdown.root.remove();
    for (const child of Array.from(document.body.children)) child.removeAttribute("inert");
    countdown = null;
  }

  async function startCountdown() {
    if (countdown || wiping || starting) return;
    starting = true;
    const items = await unsentItems().catch(() => []);
    starting = false;
    if (countdown || wiping) return;
    const seconds = el("p", { class: "kiosk-count", "aria-hidden": "true" }, [String(cfg.countdownSeconds)]);
    const said = el("p", { id: "kiosk-countdown-text" }, [t("countdown").replace("{seconds}", String(cfg.countdownSeconds))]);
    const live = el("p", { class: "sr-only", "aria-live": "assertive" });
    const stay = el("button", { type: "button", class: "kiosk-primary" }, [t("continue")]);
    const finish = el("button", { type: "button", class: "kiosk-secondary" }, [t("finish")]);
    const actions = el("div", { class: "kiosk-actions" }, [stay]);
    const body = [el("h2", { id: "kiosk-countdown-title" }, [t("stillThere")]), said, seconds, live];
    if (items.length > 0) {
      const status = el("p", { role: "status" });
      const send = el("button", { type: "button", class: "kiosk-primary", "data-kiosk-send": "" }, [t("sendNow")]);
      send.addEventListener("click", async () => {
        send.setAttribute("disabled", "");
        status.textContent = t("sending");
        if (await sendNow()) {
          stopCountdown();
          touch();
        } else {
          status.textContent = t("sendFailed");
          send.removeAttribute("disabled");
        }
      });
      body.push(el("p", { "data-kiosk-unsent": "" }, [t("unsentWaiting")]), status);
      actions.prepend(send);
    }
    actions.append(finish);
    const dialog = el("div", { class: "kiosk-dialog", role: "alertdialog", "aria-modal": "true", "aria-labelledby": "kiosk-countdown-title", "aria-describedby": "kiosk-countdown-text" }, [...body, actions]);
    const root = el("div", { class: "kiosk-overlay no-print" }, [dialog]);
    for (const child of Array.from(document.body.children)) child.setAttribute("inert", "");
    document.body.append(root);
    stay.addEventListener("click", () => {
      stopCountdown();
      touch();
    });
    finish.addEventListener("click", () => void wipe());
    stay.focus();
    // What is left of it since the last touch (a page reloaded by itself does not start it over).
    const over = Math.floor((Date.now() - lastActivity) / 1000) - cfg.idleSeconds;
    let left = Math.max(1, Math.min(cfg.countdownSeconds, cfg.countdownSeconds - over));
    seconds.textContent = String(left);
    said.textContent = t("countdown").replace("{seconds}", String(left));
    const timer = setInterval(() => {
      left -= 1;
      seconds.textContent = String(Math.max(left, 0));
      said.textContent = t("countdown").replace("{seconds}", String(Math.max(left, 0)));
      if (left > 0 && left % 10 === 0) live.textContent = said.textContent;
      if (left <= 0) void wipe();
    }, 1000);
    countdown = { root, left, timer };
  }

  // ---- Activity, heartbeat, revocation -----------------------------------------------------------

  function touch() {
    lastActivity = Date.now();
    activeSinceBeat = true;
    // Written at most every 5 s (touches come in bursts).
    if (lastActivity - savedActivity >= 5000) {
      savedActivity = lastActivity;
      try {
        sessionStorage.setItem(ACTIVITY_KEY, String(lastActivity));
      } catch {}
    }
  }

  async function refresh() {
    let res;
    try {
      res = await fetch(`/api/kiosk/state?locale=${encodeURIComponent(locale)}`, { credentials: "same-origin", cache: "no-store" });
    } catch {
      return; // offline: keep the last settings
    }
    if (res.status === 404 || res.status === 410) return leave();
    if (!res.ok) return;
    const data = await res.json().catch(() => null);
    if (!data || !data.kiosk) return;
    cfg.idleSeconds = data.idleSeconds;
    cfg.countdownSeconds = data.countdownSeconds;
    cfg.house = data.house;
    cfg.userId = data.userId;
    cfg.texts = data.texts;
    renderBar();
    // A network message shown before the words arrived: say it again in the page's language.
    if (network && !navigator.onLine) say(t("offline"), true);
  }

  /** The corner was revoked: the server expired its cookies; back to the ordinary site. */
  function leave() {
    stopCountdown();
    document.cookie = `${MARKER}=; Max-Age=0; path=/; secure`;
    html.removeAttribute("data-kiosk");
    document.querySelector(".kiosk-bar")?.remove();
    location.replace(prefix);
  }

  /** @type {HTMLElement | null} */
  let bar = null;
  function renderBar() {
    bar?.remove();
    const finish = el("button", { type: "button", class: "kiosk-finish", "data-kiosk-finish": "" }, [t("finish")]);
    finish.addEventListener("click", () => void wipe());
    const print = el("button", { type: "button", class: "kiosk-print" }, [t("print")]);
    print.addEventListener("click", () => window.print());
    bar = el("div", { class: "kiosk-bar no-print", role: "region", "aria-label": t("finish") }, [el("p", {}, [cfg.house]), el("div", { class: "kiosk-actions" }, [print, finish])]);
    document.body.append(bar);
  }

  /** @type {HTMLElement | null} */
  let network = null;
  function say(/** @type {string} */ text, /** @type {boolean} */ down) {
    network?.remove();
    network = el("p", { class: down ? "kiosk-network kiosk-down no-print" : "kiosk-network no-print", role: "alert" }, [text]);
    document.body.append(network);
    if (!down) setTimeout(() => network?.remove(), 4000);
  }

  function init() {
    html.dataset.kiosk = "1";
    if (!html.dataset.textSize) html.dataset.textSize = "large";
    // Nothing typed here is remembered by the browser for the next person (pages reached by
    // client-side navigation included: fields are marked as they get focus).
    for (const field of Array.from(document.querySelectorAll("input, textarea"))) field.setAttribute("autocomplete", "off");
    document.addEventListener("focusin", (e) => {
      const target = e.target;
      if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) target.setAttribute("autocomplete", "off");
    });
    renderBar();
    // A wipe interrupted by a page that moved on by itself: finish it now.
    if (readWipe()) void wipe();
    if (!navigator.onLine) say(t("offline"), true);
    void refresh();
    for (const type of ["pointerdown", "keydown", "touchstart", "wheel", "input"]) window.addEventListener(type, touch, { passive: true, capture: true });
    window.addEventListener("offline", () => say(t("offline"), true));
    window.addEventListener("online", () => say(t("online"), false));
    setInterval(() => {
      const now = Date.now();
      if (!countdown && !wiping && now - lastActivity >= cfg.idleSeconds * 1000) void startCountdown();
      // Keeps the person's session alive while they use the screen, and notices a revocation.
      if (activeSinceBeat && now - lastBeat >= 60_000) {
        lastBeat = now;
        activeSinceBeat = false;
        void refresh();
      }
    }, 1000);
  }

  /**
   * Nothing is added to the page before React has hydrated it: an element it did not render,
   * found while hydrating, makes it render the whole page again on the client (React error 418),
   * which drops the page's kiosk attributes. Hydrated and committed = Next.js has added its route
   * announcer (an effect of its router); after 5 s the screen goes ahead anyway.
   */
  function whenHydrated(/** @type {() => void} */ fn) {
    let tries = 0;
    const check = () => {
      if (document.querySelector("next-route-announcer") || ++tries > 100) setTimeout(fn, 0);
      else setTimeout(check, 50);
    };
    if (document.readyState === "complete") check();
    else window.addEventListener("load", check, { once: true });
  }

  whenHydrated(init);
})();
