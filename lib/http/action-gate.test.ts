import { describe, expect, it } from "vitest";
import { refuseAction } from "./action-gate";
import { SERVER_ACTION_MAX_BYTES } from "./limits";

const page = "http://localhost:3000/fr/requests/complaint/new";
const ours = { origin: "http://localhost:3000", host: "localhost:3000" };

describe("the server actions' edge (proxy.ts)", () => {
  it("403 for a post from another site", async () => {
    const res = await refuseAction(new Request(page, { method: "POST", headers: { ...ours, origin: "https://evil.example", "next-action": "abc" } }));
    expect(res?.status).toBe(403);
    expect(await res?.json()).toEqual({ error: { code: "forbidden" } });
  });

  it("413 for a body past the limit, before it is read", async () => {
    const res = await refuseAction(new Request(page, { method: "POST", headers: { ...ours, "content-length": String(45 * 1024 * 1024) } }));
    expect(res?.status).toBe(413);
    expect(SERVER_ACTION_MAX_BYTES).toBeLessThan(45 * 1024 * 1024);
  });

  it("400 for a JS call whose body is not the encoded arguments", async () => {
    const call = (body: string) => new Request(page, { method: "POST", body, headers: { ...ours, "next-action": "abc", "content-type": "text/plain;charset=UTF-8" } });
    expect((await refuseAction(call('{"phone":')))?.status).toBe(400);
    expect((await refuseAction(call('{"phone":"1"}')))?.status).toBe(400);
    expect(await refuseAction(call('[{"phone":"1"}]'))).toBeNull();
  });

  it("lets pages, and posts of this app within the limit, through", async () => {
    expect(await refuseAction(new Request(page, { headers: { origin: "https://evil.example" } }))).toBeNull();
    expect(await refuseAction(new Request(page, { method: "POST", headers: { ...ours, "content-length": "1000" } }))).toBeNull();
    expect(await refuseAction(new Request("http://localhost:3000/ar", { method: "POST", headers: { origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" } }))).toBeNull();
  });
});
