import { describe, expect, it } from "vitest";
import { isEditor, mayEdit, publishRefusal, type Editor } from "./permissions";

const admin: Editor = { userId: "a", role: "admin", bodyId: null, contentEditor: false };
const steg: Editor = { userId: "s", role: "official", bodyId: "steg", contentEditor: true };
const stegNoRight: Editor = { ...steg, userId: "s2", contentEditor: false };
const sfax: Editor = { userId: "m", role: "official", bodyId: "municipality-sfax", contentEditor: true };
const agent: Editor = { userId: "g", role: "agent", bodyId: "steg", contentEditor: true };

describe("who edits content", () => {
  it("admins everything; officials with the right their own body's; nobody else", () => {
    expect(mayEdit(admin, null)).toBe(true);
    expect(mayEdit(admin, "steg")).toBe(true);
    expect(mayEdit(steg, "steg")).toBe(true);
    expect(mayEdit(steg, "sonede")).toBe(false);
    expect(mayEdit(steg, null)).toBe(false);
    expect(mayEdit(stegNoRight, "steg")).toBe(false);
    expect(mayEdit(agent, "steg")).toBe(false);
    expect(mayEdit(sfax, "municipality")).toBe(true);
    expect(mayEdit(steg, "municipality")).toBe(false);
    expect([admin, steg, stegNoRight, agent].map(isEditor)).toEqual([true, true, false, false]);
  });

  it("with review on, the author never publishes their own draft; another editor of the body may", () => {
    const draft = { authorId: "s", ownerBody: "steg" };
    expect(publishRefusal(steg, draft, true)).toBe("ownDraft");
    expect(publishRefusal(admin, draft, true)).toBeNull();
    expect(publishRefusal({ ...steg, userId: "s3" }, draft, true)).toBeNull();
    expect(publishRefusal(steg, draft, false)).toBeNull();
    expect(publishRefusal(sfax, draft, false)).toBe("forbidden");
    expect(publishRefusal(admin, { authorId: "a", ownerBody: null }, true)).toBe("ownDraft");
  });
});
