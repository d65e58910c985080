import { describe, expect, it } from "vitest";
import { direction, localePath, splitLocalePath } from "./routing";

describe("locale paths", () => {
  it("splits public and internal forms", () => {
    expect(splitLocalePath("/ar/services")).toEqual({ locale: "ar-TN", rest: "/services" });
    expect(splitLocalePath("/ar-TN/offline")).toEqual({ locale: "ar-TN", rest: "/offline" });
    expect(splitLocalePath("/fr-TN")).toEqual({ locale: "fr-TN", rest: "/" });
    expect(splitLocalePath("/en/houses/x")).toEqual({ locale: "en", rest: "/houses/x" });
    expect(splitLocalePath("/arabic")).toEqual({ locale: "ar-TN", rest: "/arabic" });
  });
  it("builds short public paths", () => {
    expect(localePath("fr-TN", "/")).toBe("/fr");
    expect(localePath("ar-TN", "/services")).toBe("/ar/services");
  });
  it("knows the direction", () => {
    expect(direction("ar-TN")).toBe("rtl");
    expect(direction("en")).toBe("ltr");
  });
});
