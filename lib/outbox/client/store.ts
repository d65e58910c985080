/**
 * The device side of the outbox, in raw IndexedDB (no library): what waits to be sent, and the
 * drafts of forms being typed. Runs in pages and in the service worker (Background Sync).
 */
export type OutboxItem = {
  /** The idempotency key, made when the form was opened. */
  key: string;
  /** The citizen who typed it: only their session may send it. */
  userId: string;
  kind: string;
  payload: Record<string, unknown>;
  /** The form it came from, and where that form lives (to correct it). */
  formId: string;
  formPath: string;
  /** A short text for the list of unsent items (the subject the citizen typed). */
  title: string;
  createdAt: number;
  attempts: number;
  /** queued: will be sent; rejected: the server refused it (4xx), the citizen must correct it. */
  state: "queued" | "rejected";
  /** The server's message for a rejected item, in the citizen's language. */
  rejection?: { status: number; message?: string; fields?: Record<string, string> };
};

export type Draft = {
  /** `${userId}:${formId}` */
  id: string;
  values: Record<string, string | string[]>;
  updatedAt: number;
};

const DB_NAME = "idarti-outbox";
const VERSION = 1;

function promisify<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

export type OutboxStore = {
  putItem(item: OutboxItem): Promise<void>;
  getItem(key: string): Promise<OutboxItem | undefined>;
  deleteItem(key: string): Promise<void>;
  listItems(): Promise<OutboxItem[]>;
  putDraft(draft: Draft): Promise<void>;
  getDraft(id: string): Promise<Draft | undefined>;
  deleteDraft(id: string): Promise<void>;
  /** Wipes everything. */
  clear(): Promise<void>;
  /** Removes what one person left on this device: their drafts, and their items unless kept. */
  clearAccount(userId: string, opts?: { keepItems?: boolean }): Promise<{ drafts: number; items: number }>;
  close(): void;
};

export async function openStore(factory: IDBFactory = globalThis.indexedDB): Promise<OutboxStore> {
  const open = factory.open(DB_NAME, VERSION);
  open.onupgradeneeded = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains("items")) db.createObjectStore("items", { keyPath: "key" });
    if (!db.objectStoreNames.contains("drafts")) db.createObjectStore("drafts", { keyPath: "id" });
  };
  const db = await promisify(open);

  async function run<T>(store: "items" | "drafts", mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    const tx = db.transaction(store, mode);
    // Resolve only once a write is durable (the transaction completed), not when it was queued.
    const done = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
    const result = await promisify(fn(tx.objectStore(store)));
    await done;
    return result;
  }

  return {
    putItem: async (item) => void (await run("items", "readwrite", (s) => s.put(item))),
    getItem: (key) => run("items", "readonly", (s) => s.get(key) as IDBRequest<OutboxItem | undefined>),
    deleteItem: async (key) => void (await run("items", "readwrite", (s) => s.delete(key))),
    listItems: async () => {
      const all = await run("items", "readonly", (s) => s.getAll() as IDBRequest<OutboxItem[]>);
      return all.sort((a, b) => a.createdAt - b.createdAt);
    },
    putDraft: async (draft) => void (await run("drafts", "readwrite", (s) => s.put(draft))),
    getDraft: (id) => run("drafts", "readonly", (s) => s.get(id) as IDBRequest<Draft | undefined>),
    deleteDraft: async (id) => void (await run("drafts", "readwrite", (s) => s.delete(id))),
    clear: async () => {
      await run("items", "readwrite", (s) => s.clear());
      await run("drafts", "readwrite", (s) => s.clear());
    },
    clearAccount: async (userId, opts = {}) => {
      const drafts = (await run("drafts", "readonly", (s) => s.getAll() as IDBRequest<Draft[]>)).filter((d) => d.id.startsWith(`${userId}:`));
      for (const d of drafts) await run("drafts", "readwrite", (s) => s.delete(d.id));
      let items = 0;
      if (!opts.keepItems) {
        const mine = (await run("items", "readonly", (s) => s.getAll() as IDBRequest<OutboxItem[]>)).filter((i) => i.userId === userId);
        for (const i of mine) await run("items", "readwrite", (s) => s.delete(i.key));
        items = mine.length;
      }
      return { drafts: drafts.length, items };
    },
    close: () => db.close(),
  };
}
