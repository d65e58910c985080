import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { edge, readJson, readText } from "./edge";

// env() defaults: APP_URL http://localhost:3000.
const url = "http://localhost:3000/api/x";
const same = { origin: "http://localhost:3000", host: "localhost:3000" };

function post(body: BodyInit | null, headers: Record<string, string> = same): Request {
  return new Request(url, { method: "POST", body, headers, ...(body instanceof ReadableStream ? { duplex: "half" } : {}) } as RequestInit);
}

const shape = z.object({ n: z.number() });
const echo = edge({ maxBytes: 100 }, async (req: Request) => Response.json(await readJson(req, shape)));
const throwing = (error: unknown) => edge({}, async () => {
  throw error;
});

async function answer(res: Response) {
  return { status: res.status, body: (await res.json()) as { error?: { code: string } }, retryAfter: res.headers.get("retry-after") };
}

describe("the HTTP edge", () => {
  it("answers the handler's response when all is well", async () => {
    const res = await echo(post(JSON.stringify({ n: 1 })));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ n: 1 });
  });

  it("403: a foreign or missing Origin on a POST; a GET passes", async () => {
    expect((await answer(await echo(post("{}", { origin: "https://evil.example", host: "localhost:3000" })))).status).toBe(403);
    expect((await answer(await echo(post("{}", { host: "localhost:3000" })))).body.error?.code).toBe("forbidden");
    const get = edge({}, async () => new Response("ok"));
    expect((await get(new Request(url, { headers: { origin: "https://evil.example" } }))).status).toBe(200);
  });

  it("lets a server-to-server route through without Origin when it says so", async () => {
    const open = edge({ origin: "any" }, async (req: Request) => new Response(await readText(req)));
    expect((await open(post("x", {}))).status).toBe(200);
  });

  it("400: not JSON, or JSON of another shape", async () => {
    const notJson = await answer(await echo(post("{not json")));
    expect(notJson).toMatchObject({ status: 400, body: { error: { code: "badRequest" } } });
    expect((await answer(await echo(post(JSON.stringify({ n: "one" }))))).status).toBe(400);
  });

  it("413: past the limit by Content-Length, and by counting when no length is sent", async () => {
    expect((await answer(await echo(post("x".repeat(101))))).status).toBe(413);
    const stream = new ReadableStream({
      pull(c) {
        c.enqueue(new TextEncoder().encode("x".repeat(60)));
      },
    });
    const res = await answer(await echo(post(stream)));
    expect(res).toMatchObject({ status: 413, body: { error: { code: "tooLarge" } } });
  });

  it("401, 404 and 422 from the domain's AppError, in one shape", async () => {
    expect(await answer(await throwing(new AppError("unauthenticated"))(post("")))).toMatchObject({ status: 401, body: { error: { code: "unauthenticated" } } });
    expect(await answer(await throwing(new AppError("notFound"))(post("")))).toMatchObject({ status: 404, body: { error: { code: "notFound" } } });
    expect(await answer(await throwing(new AppError("validation", { fields: { phone: "Auth.errors.phoneInvalid" } }))(post("")))).toMatchObject({
      status: 422,
      body: { error: { code: "validation", fields: { phone: "Auth.errors.phoneInvalid" } } },
    });
  });

  it("429 and 503 always carry Retry-After (the limit's own time when it gave one)", async () => {
    expect(await answer(await throwing(new AppError("rateLimited", { values: { minutes: 3 } }))(post("")))).toMatchObject({ status: 429, retryAfter: "180" });
    expect(await answer(await throwing(new AppError("rateLimited", { retryAfterSeconds: 42 }))(post("")))).toMatchObject({ status: 429, retryAfter: "42" });
    expect(await answer(await throwing(new AppError("rateLimited"))(post("")))).toMatchObject({ status: 429, retryAfter: "60" });
    expect(await answer(await throwing(new AppError("unavailable"))(post("")))).toMatchObject({ status: 503, retryAfter: "5" });
  });

  it("500 for anything else, without a word from inside", async () => {
    const res = await answer(await throwing(new Error("relation users does not exist at 10.0.0.3"))(post("")));
    expect(res.status).toBe(500);
    expect(JSON.stringify(res.body)).not.toContain("relation");
    expect(res.body.error?.code).toBe("internal");
    expect(res.retryAfter).toBeNull();
  });
});
