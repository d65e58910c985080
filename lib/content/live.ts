import "server-only";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { revalidatePath } from "next/cache";
import { setPublishedCatalogue, seedCatalogue } from "@/lib/catalogue/catalogue";
import { seedHouses, setPublishedHouses } from "@/lib/houses/houses";
import { LESSON_FILES, setPublishedLessons } from "@/lib/learning/lessons";
import { CERTIFICATE_TYPE_FILES, setPublishedCertificateTypes } from "@/lib/cases/kinds/certificate-request/types";
import { COMPLAINT_CATEGORY_DOCUMENTS, setPublishedComplaintCategories, setRetiredComplaintCategoryNames } from "@/lib/cases/kinds/complaint/categories";
import { REPORT_CATEGORY_DOCUMENT, setPublishedReportCategories, setRetiredReportCategoryNames } from "@/lib/cases/kinds/municipal-report/categories";
import { getDb } from "@/lib/db/client";
import { every } from "@/lib/every";
import { log } from "@/lib/log";
import { pagesRevalidated } from "@/lib/security/csp";
import { fingerprint, type Snapshot } from "./snapshot";
import { loadPublished, readRevision, seedContent } from "./store";
import { createContentSync } from "./sync";

/**
 * This instance's copy of the published content (lib/content/sync.ts explains the mechanism).
 * Kept on globalThis: instrumentation.ts, the route handler and the server actions are separate
 * bundles of one process and must share one snapshot.
 */
const KEY = Symbol.for("idarti.content.sync");
const holder = globalThis as unknown as Record<symbol, ReturnType<typeof make> | undefined>;

// What this instance's prerendered pages were last rendered from, beside them (.next/server is
// replaced by each build, whose pages are rendered from the data files).
const PAGES_FILE = path.join(process.cwd(), ".next", "server", "idarti-content-pages");
let seeded = false;

/** This instance's public pages marked stale: called in a request, with the code of the bundle it runs in. */
function revalidatePages() {
  // Every public page may show a procedure, a body or a house (lists, one-page catalogue,
  // houses "for" a procedure): the whole locale layout, and the offline catalogue's data.
  revalidatePath("/[locale]", "layout");
  revalidatePath("/catalogue-data/search-index.json");
  revalidatePath("/catalogue-data/offline-pages.json");
  // The lean copies and the CSP hashes of the prerendered pages are read again (lib/lean).
  pagesRevalidated();
}

function make() {
  return createContentSync<Snapshot>({
    readRevision: async () => readRevision((await getDb()).db),
    load: async () => {
      const { db } = await getDb();
      // Documents added to the data files since the last start get their version 1.
      if (!seeded) {
        await seedContent(db);
        seeded = true;
      }
      return loadPublished(db);
    },
    apply: (snapshot) => {
      setPublishedCatalogue(snapshot.catalogue);
      setPublishedHouses(snapshot.houses);
      setPublishedLessons(snapshot.lessons);
      setPublishedCertificateTypes(snapshot.certificateTypes);
      setPublishedComplaintCategories(snapshot.complaintCategories);
      setPublishedReportCategories(snapshot.reportCategories);
      setRetiredComplaintCategoryNames(snapshot.retiredCategoryNames.complaint);
      setRetiredReportCategoryNames(snapshot.retiredCategoryNames.report);
    },
    // Given per check by the request's own bundle (syncContent); never at the start, outside a request.
    revalidate: () => {
      throw new Error("content: revalidating outside a request");
    },
    pages: {
      get: () => (existsSync(PAGES_FILE) ? readFileSync(PAGES_FILE, "utf8").trim() : fingerprint({ catalogue: seedCatalogue(), houses: seedHouses(), lessons: LESSON_FILES, certificateTypes: CERTIFICATE_TYPE_FILES, complaintCategories: COMPLAINT_CATEGORY_DOCUMENTS, reportCategories: REPORT_CATEGORY_DOCUMENT })),
      set: (f) => {
        try {
          writeFileSync(PAGES_FILE, f);
        } catch {
          // A read-only disk: the pages will be revalidated once more after a restart.
        }
      },
    },
  });
}

function sync() {
  holder[KEY] ??= make();
  return holder[KEY];
}

/** At the start of the instance: the published content into memory (pages are revalidated at the first sync in a request). */
export async function loadContentAtStart(): Promise<void> {
  await sync().check({ revalidate: false });
}

/**
 * In a request (a server action, the sync route): reads the revision; if it moved, reloads the
 * published content and revalidates this instance's pages.
 */
export async function syncContent(opts: { force?: boolean } = {}) {
  return sync().check({ force: opts.force, revalidateWith: revalidatePages });
}

/**
 * Started by instrumentation.ts: the published content loaded now, then every few seconds this
 * instance asks itself (over loopback, so that the check runs in a request and may revalidate)
 * whether another instance published.
 */
export function startContentSync(seconds: number, port: number): void {
  // Until it loads, the data files are served.
  loadContentAtStart().catch((error: unknown) => log.error("content.loadFailed", error));
  // An instance that cannot reach itself this time asks again at the next tick.
  every("content-sync", seconds, () =>
    fetch(`http://127.0.0.1:${port}/api/content/sync`, { method: "POST", signal: AbortSignal.timeout(30_000) }).then(
      () => undefined,
      () => undefined,
    ),
  );
}
