import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { IDBFactory } from "fake-indexeddb";
import { eq } from "drizzle-orm";
import type { Database, Db } from "@/lib/db/open";
import { cases } from "@/lib/db/schema";
import { isAppError } from "@/lib/errors";
import { makeUser, testDatabases } from "@/lib/testing/db";
import { submitCaseOnce } from "../submit";
import { createOutbox, type Outbox, type Transport } from "./outbox";
import { openStore, type OutboxStore } from "./store";

/**
 * The outbox against the real server store: random sequences of typing, submitting, going
 * offline, reloading the page, server failures (before and after the server did the work) and
 * duplicate deliveries. Whatever happens, every submission ends on the server exactly once, and
 * nothing typed is lost (it is on the server, in the form's draft, or kept as "to correct").
 */
type Action =
  | { t: "type"; valid: boolean }
  | { t: "submit" }
  | { t: "network"; online: boolean }
  | { t: "server"; mode: "ok" | "failBefore" | "failAfter" }
  | { t: "reload" }
  | { t: "online" }
  | { t: "replay"; pick: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ t: fc.constant("type" as const), valid: fc.nat(9).map((x) => x < 7) }) },
  { weight: 4, arbitrary: fc.constant({ t: "submit" as const }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant("network" as const), online: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant("server" as const), mode: fc.constantFrom("ok" as const, "failBefore" as const, "failAfter" as const) }) },
  { weight: 1, arbitrary: fc.constant({ t: "reload" as const }) },
  { weight: 1, arbitrary: fc.constant({ t: "online" as const }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("replay" as const), pick: fc.nat() }) },
);

const FORM = "question";
for (const target of testDatabases()) {
  describe(`the offline outbox against the server store on ${target.name}`, () => {
    const tally = { runs: 0, actions: 0, submits: 0, sentFirstTry: 0, queued: 0, rejected: 0, replays: 0, reloads: 0, serverCases: 0 };
    let database: Database;
    let db: Db;
    beforeAll(async () => {
      database = await target.open();
      db = database.db;
    }, 180_000);
    afterAll(async () => {
      await database?.close();
      console.info(`outbox property (${target.name}):`, JSON.stringify(tally));
    });

    it("every submission reaches the server exactly once and nothing typed is lost", async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(action, { minLength: 8, maxLength: 40, size: "large" }), async (actions) => {
          tally.runs++;
          const citizen = await makeUser(db);
          const factory = new IDBFactory();
          let online = true;
          let mode: "ok" | "failBefore" | "failAfter" = "ok";
          let n = 0;
          const firstReference = new Map<string, string>(); // key → reference the server first gave
          const sentRequests: { key: string; payload: Record<string, unknown> }[] = [];

          const transport: Transport = async (item) => {
            if (!online) throw new TypeError("Failed to fetch");
            if (mode === "failBefore") return { status: 503, body: {} };
            try {
              const r = await submitCaseOnce({ db, actor: citizen, key: item.key, kind: item.kind, payload: item.payload, locale: "ar-TN", now: new Date() });
              const known = firstReference.get(item.key);
              if (known) expect(r.result.reference).toBe(known);
              else firstReference.set(item.key, r.result.reference);
              sentRequests.push({ key: item.key, payload: item.payload });
              if (mode === "failAfter") throw new TypeError("connection reset after the server answered");
              return { status: r.replayed ? 200 : 201, body: { reference: r.result.reference } };
            } catch (e) {
              if (isAppError(e)) return { status: e.status, body: { error: { code: e.code, fields: e.fields } } };
              throw e;
            }
          };

          // The page: an outbox over the device's IndexedDB, and a form with its key and text.
          let store: OutboxStore = await openStore(factory);
          let outbox: Outbox = createOutbox({ store, transport });
          let form = { key: crypto.randomUUID(), text: "" };
          const validTexts = new Set<string>(); // every valid text the citizen submitted
          const refusedKept = new Set<string>(); // refused texts the citizen has not typed over since

          const payloadOf = (text: string) => ({ bodyId: "steg", subject: "Sujet", question: text });

          for (const a of actions) {
            tally.actions++;
            switch (a.t) {
              case "type": {
                n++;
                refusedKept.delete(form.text); // the citizen edits it: the new text replaces it
                form.text = a.valid ? `question numéro ${n} ${crypto.randomUUID()}` : `q${n}`; // < 10 characters: refused
                await outbox.saveDraft(citizen.userId, FORM, { question: form.text });
                break;
              }
              case "submit": {
                if (!form.text) break;
                tally.submits++;
                if (form.text.length >= 10) validTexts.add(form.text);
                const outcome = await outbox.submit({ key: form.key, userId: citizen.userId, kind: "question", payload: payloadOf(form.text), formId: FORM, formPath: "/ar/questions/new", title: "Sujet" });
                if (outcome.state === "rejected") {
                  // The form shows the errors and keeps the text: it goes back to the draft.
                  tally.rejected++;
                  refusedKept.add(form.text);
                  await outbox.reopen(outcome.key);
                } else {
                  if (outcome.state === "sent") tally.sentFirstTry++;
                  else tally.queued++;
                  form = { key: crypto.randomUUID(), text: "" };
                }
                break;
              }
              case "network":
                online = a.online;
                break;
              case "server":
                mode = a.mode;
                break;
              case "reload": {
                // Memory is gone; the device keeps IndexedDB. The page restores the draft and flushes.
                tally.reloads++;
                store.close();
                store = await openStore(factory);
                outbox = createOutbox({ store, transport });
                const draft = await outbox.loadDraft(citizen.userId, FORM);
                form = { key: crypto.randomUUID(), text: typeof draft?.values.question === "string" ? draft.values.question : "" };
                await outbox.flush({ userId: citizen.userId });
                break;
              }
              case "online":
                if (online) await outbox.flush({ userId: citizen.userId });
                break;
              case "replay": {
                // A duplicate delivery of a request the server already handled (a proxy retry, a second tab).
                if (!sentRequests.length || !online || mode !== "ok") break;
                tally.replays++;
                const r = sentRequests[a.pick % sentRequests.length]!;
                await transport({ key: r.key, kind: "question", payload: r.payload, userId: citizen.userId });
                break;
              }
            }
          }

          // The network comes back for good.
          online = true;
          mode = "ok";
          await outbox.flush({ userId: citizen.userId });

          const onServer = (await db.select({ payload: cases.payload }).from(cases).where(eq(cases.citizenId, citizen.userId))).map((c) => String(c.payload.question));
          tally.serverCases += onServer.length;
          // Exactly once: no duplicates, and every valid submission is there.
          expect(onServer.length).toBe(new Set(onServer).size);
          expect(new Set(onServer)).toEqual(validTexts);
          // Nothing queued is left; what was refused or not yet submitted is still on the device.
          const left = await outbox.list(citizen.userId);
          expect(left.filter((i) => i.state === "queued")).toEqual([]);
          const draft = await outbox.loadDraft(citizen.userId, FORM);
          const onDevice = new Set([...left.map((i) => String(i.payload.question)), ...(typeof draft?.values.question === "string" ? [draft.values.question] : [])]);
          for (const text of refusedKept) expect(onDevice.has(text), `refused text kept: ${text}`).toBe(true);
          if (form.text) expect(onDevice.has(form.text), "the text being typed is in the draft").toBe(true);
          store.close();
        }),
        { numRuns: 100 },
      );
    }, 240_000);
  });
}
