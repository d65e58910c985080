import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";

// The wrapper's collaborators: the request, the session and the audit log, observed.
const recorded: { action: string; subjectId?: string; detail?: unknown }[] = [];
const auditedIps: (string | null)[] = [];
let actor: { userId: string; role: string } | null = null;
let forwardedFor = "127.0.0.9";
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": forwardedFor }) }));
vi.mock("next-intl/server", () => ({
  getLocale: async () => "fr-TN",
  getTranslations: async () => Object.assign((k: string) => `t:${k}`, { has: () => true }),
}));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => actor }));
vi.mock("@/lib/db/client", () => ({ getDb: async () => ({ db: {} }) }));
vi.mock("@/lib/audit/record", () => ({
  recordAudit: async (_db: unknown, _actor: unknown, entry: { action: string }, ip: string | null) => {
    recorded.push(entry);
    auditedIps.push(ip);
  },
}));

const { createAction, createFormAction } = await import("./safe-action");

/** What next/navigation's redirect() and notFound() throw. */
const redirectError = () => Object.assign(new Error("NEXT_REDIRECT"), { digest: "NEXT_REDIRECT;replace;/fr/staff;307;" });
const notFoundError = () => Object.assign(new Error("NEXT_HTTP_ERROR_FALLBACK;404"), { digest: "NEXT_HTTP_ERROR_FALLBACK;404" });

describe("createAction: auth → parse → run → audit", () => {
  beforeEach(() => {
    recorded.length = 0;
    actor = { userId: "u-agent", role: "agent" };
  });
  const schema = z.object({ id: z.string().min(1, "Errors.required") });

  it("audits a staff action that returns", async () => {
    const act = createAction({ schema, audit: (input) => ({ action: "case.reply", subjectId: input.id }), run: async () => "done" });
    expect(await act({ id: "c1" })).toEqual({ ok: true, data: "done" });
    expect(recorded).toEqual([{ action: "case.reply", subjectId: "c1" }]);
  });

  it("audits a staff action that ends in a redirect, then lets the redirect through", async () => {
    const act = createAction({ schema, audit: (input) => ({ action: "case.close", subjectId: input.id }), run: async () => { throw redirectError(); } });
    await expect(act({ id: "c2" })).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT/) });
    expect(recorded).toEqual([{ action: "case.close", subjectId: "c2" }]);
  });

  it("an audit that needs the result still records the act when the action redirected", async () => {
    const act = createAction({
      schema,
      audit: (input, result: { id: string }) => ({ action: "users.create", subjectId: result.id }),
      run: async (): Promise<{ id: string }> => { throw redirectError(); },
    });
    await expect(act({ id: "x" })).rejects.toBeTruthy();
    expect(recorded).toEqual([{ action: "action", detail: { note: "ended in a redirect" } }]);
  });

  it("staff actions without an audit entry are audited by name; citizens' are not", async () => {
    await createAction({ schema, run: async () => { throw redirectError(); } })({ id: "a" }).catch(() => undefined);
    expect(recorded).toEqual([{ action: "action" }]);
    actor = { userId: "u-citizen", role: "citizen" };
    await createAction({ schema, run: async () => 1 })({ id: "a" });
    expect(recorded).toHaveLength(1);
  });

  it("refused, invalid, failed and not-found calls leave no audit row", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined); // the wrapper logs internal errors
    const act = (run: () => Promise<unknown>) => createAction({ schema, access: ["official"], audit: "x", run });
    expect(await act(async () => 1)({ id: "a" })).toMatchObject({ ok: false, code: "forbidden" });
    actor = { userId: "u-official", role: "official" };
    expect(await act(async () => 1)({ id: "" })).toMatchObject({ ok: false, code: "validation", fieldErrors: { id: "t:Errors.required" }, values: { id: "" } });
    expect(await act(async () => { throw new Error("boom"); })({ id: "a" })).toMatchObject({ ok: false, code: "internal" });
    await expect(act(async () => { throw notFoundError(); })({ id: "a" })).rejects.toMatchObject({ digest: "NEXT_HTTP_ERROR_FALLBACK;404" });
    expect(recorded).toEqual([]);
  });
});

describe("audit: false", () => {
  it("leaves the audit to the run (it writes its own row in the change's transaction)", async () => {
    recorded.length = 0;
    actor = { userId: "u-official", role: "official" };
    await createAction({ schema: z.object({}), audit: false, run: async () => { throw redirectError(); } })({}).catch(() => undefined);
    await createAction({ schema: z.object({}), audit: false, run: async () => 1 })({});
    expect(recorded).toEqual([]);
  });
});

describe("the client address (issue 12, point 4)", () => {
  it("is the one the trusted proxy appended, not the left-most X-Forwarded-For the client wrote", async () => {
    recorded.length = 0;
    auditedIps.length = 0;
    actor = { userId: "u-agent", role: "agent" };
    // One reverse proxy (TRUSTED_PROXY_HOPS=1) appends the address it saw: 203.0.113.7.
    const perIp = new Map<string, number>();
    const act = createAction({
      schema: z.object({}),
      audit: "case.reply",
      run: async ({ ip }) => {
        const n = (perIp.get(ip ?? "?") ?? 0) + 1;
        perIp.set(ip ?? "?", n);
        if (n > 2) throw new AppError("rateLimited");
        return n;
      },
    });
    const results = [];
    for (const forged of ["1.1.1.1", "2.2.2.2", "3.3.3.3"]) {
      forwardedFor = `${forged}, 203.0.113.7`;
      results.push(await act({}));
    }
    forwardedFor = "127.0.0.9";
    // A new forged address each time does not buy a new allowance: the limit holds at 2.
    expect(results.map((r) => r.ok)).toEqual([true, true, false]);
    expect([...perIp.keys()]).toEqual(["203.0.113.7"]);
    expect(auditedIps).toEqual(["203.0.113.7", "203.0.113.7"]);
  });
});

describe("createFormAction: a call of the wrong shape", () => {
  it("is a badRequest answer, not a crash (a hand-made request sending JSON to a form action)", async () => {
    actor = { userId: "u-citizen", role: "citizen" };
    const act = createFormAction({ schema: z.object({ name: z.string() }), run: async () => "done" });
    const result = await act(null, { name: "x" } as unknown as FormData);
    expect(result).toMatchObject({ ok: false, code: "badRequest" });
  });
});

describe("a volunteer never acts for a citizen (issue 18)", () => {
  beforeEach(() => {
    recorded.length = 0;
    actor = { userId: "u-volunteer", role: "volunteer" };
  });
  const schema = z.object({ id: z.string() });

  it("refuses every citizen action to a volunteer's account with the reason, before parsing or running, and audits the attempt", async () => {
    const run = vi.fn(async () => "filed");
    const file = createFormAction({ schema, access: ["citizen"], run });
    const form = new FormData();
    form.set("id", "x");
    const result = await file(null, form);
    expect(result).toMatchObject({ ok: false, code: "forbidden", message: "t:Guidance.errors.volunteerCannotAct" });
    expect(run).not.toHaveBeenCalled();
    expect(recorded).toEqual([{ action: "guidance.refused", detail: { access: ["citizen"] } }]);
  });

  it("lets a volunteer's own actions through", async () => {
    const own = createAction({ schema, access: ["citizen", "volunteer"], run: async () => "ended" });
    expect(await own({ id: "s" })).toEqual({ ok: true, data: "ended" });
  });
});
