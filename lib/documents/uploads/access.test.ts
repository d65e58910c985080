import { describe, expect, it } from "vitest";
import { uploadAccess, type UploadForAccess } from "./access";

const citizen = { userId: "c1", role: "citizen" as const, bodyId: null };
const other = { userId: "c2", role: "citizen" as const, bodyId: null };
const agentSteg = { userId: "a1", role: "agent" as const, bodyId: "steg" };
const agentSonede = { userId: "a2", role: "agent" as const, bodyId: "sonede" };
const volunteer = { userId: "v1", role: "volunteer" as const, bodyId: null };
const theCase = { citizenId: "c1", bodyId: "steg" };
const base: UploadForAccess = { ownerId: "c1", uploadedBy: "c1", caseId: "k1", visibility: "public", publicAt: null, hiddenAt: null };

describe("who may read an attachment", () => {
  it("the citizen of the case and the staff of its body; not another citizen, another body, a volunteer or a visitor", () => {
    expect(uploadAccess(citizen, base, theCase)).toBe("private");
    expect(uploadAccess(agentSteg, base, theCase)).toBe("private");
    expect(uploadAccess(other, base, theCase)).toBe("none");
    expect(uploadAccess(agentSonede, base, theCase)).toBe("none");
    expect(uploadAccess(volunteer, base, theCase)).toBe("none");
    expect(uploadAccess(null, base, theCase)).toBe("none");
  });

  it("agents of the service house the case was filed at read its files; a volunteer of that house does not", () => {
    const filedAtHouse = { ...theCase, houseId: "haidra" };
    const counter = { userId: "a3", role: "agent" as const, bodyId: "municipality", houseId: "haidra" };
    expect(uploadAccess(counter, base, filedAtHouse)).toBe("private");
    expect(uploadAccess(counter, base, theCase)).toBe("none");
    expect(uploadAccess({ ...counter, houseId: "kasserine" }, base, filedAtHouse)).toBe("none");
    expect(uploadAccess({ ...volunteer, houseId: "haidra" }, base, filedAtHouse)).toBe("none");
  });

  it("an internal file of the body is not shown to the citizen", () => {
    const internal = { ...base, ownerId: "c1", uploadedBy: "a1", visibility: "internal" };
    expect(uploadAccess(citizen, internal, theCase)).toBe("none");
    expect(uploadAccess(agentSteg, internal, theCase)).toBe("private");
  });

  it("a file of a form not yet sent: only who uploaded it (an agent for a walk-in citizen included)", () => {
    const draft = { ...base, caseId: null };
    expect(uploadAccess(citizen, draft, null)).toBe("private");
    expect(uploadAccess(agentSteg, draft, null)).toBe("none");
    expect(uploadAccess(agentSteg, { ...draft, uploadedBy: "a1" }, null)).toBe("private");
  });

  it("everyone, once moderation approved it for the public list, until it is hidden", () => {
    const approved = { ...base, publicAt: new Date() };
    expect(uploadAccess(null, approved, theCase)).toBe("public");
    expect(uploadAccess(other, approved, theCase)).toBe("public");
    expect(uploadAccess(null, { ...approved, hiddenAt: new Date() }, theCase)).toBe("none");
  });
});
