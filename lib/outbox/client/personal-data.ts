import { openStore } from "./store";

/**
 * What signing out removes from this device (docs/adr/0016): the person's drafts and, unless
 * they chose to keep them, their unsent items (both in IndexedDB, keyed by account); Session
 * Storage; every Local Storage entry but the device's own settings (the addresses of unfinished
 * uploads in pieces among them, lib/documents/uploads/client/resumable.ts); and any entry of Cache
 * Storage that could be personal (none should exist: personal pages are never cached, ADR 0001 —
 * this is the belt to those braces). The offline catalogue and the service worker stay.
 */
export const DEVICE_SETTINGS = new Set(["idarti.textSize"]);

/** Paths whose answers belong to a person (signed-in sections, sign-in, the API). */
export const PERSONAL_PATH = /^\/(?:(?:ar|fr|en|ar-TN|fr-TN)\/(?:my|account|pay|bills|requests|questions|interviews|welcome|staff|sign-in|dev)(?:\/|$)|api\/)/;

export function isPersonalUrl(url: string): boolean {
  try {
    return PERSONAL_PATH.test(new URL(url, "http://x").pathname);
  } catch {
    return true;
  }
}

export async function removePersonalData(opts: { userId: string; keepItems: boolean; factory?: IDBFactory }): Promise<void> {
  try {
    const store = await openStore(opts.factory);
    try {
      await store.clearAccount(opts.userId, { keepItems: opts.keepItems });
    } finally {
      store.close();
    }
  } catch {
    // No IndexedDB here (private mode): nothing was kept in it either.
  }
  try {
    sessionStorage.clear();
  } catch {
    // Storage disabled: nothing was kept in it.
  }
  try {
    for (let i = localStorage.length - 1; i >= 0; i--) {
      const key = localStorage.key(i);
      if (key !== null && !DEVICE_SETTINGS.has(key)) localStorage.removeItem(key);
    }
  } catch {
    // Storage disabled: nothing was kept in it.
  }
  try {
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) if (isPersonalUrl(request.url)) await cache.delete(request);
    }
  } catch {
    // No Cache Storage (no service worker support): nothing cached.
  }
}
