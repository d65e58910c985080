import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { every } from "./every";
import { log } from "@/lib/log";

describe("every", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("runs on its beat, one run at a time, started once per name; 0 is off", async () => {
    let runs = 0;
    let release: () => void = () => undefined;
    const slow = () => {
      runs++;
      return new Promise<void>((r) => (release = r));
    };
    every("test.slow", 10, slow);
    every("test.slow", 10, slow); // asked twice: one timer
    await vi.advanceTimersByTimeAsync(10_000);
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(30_000); // still running: no second run beside it
    expect(runs).toBe(1);
    release();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(runs).toBe(2);

    let off = 0;
    every("test.off", 0, async () => void off++);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(off).toBe(0);
  });

  it("a failing run is logged and the next one still comes", async () => {
    const error = vi.spyOn(log, "error").mockImplementation(() => undefined);
    let runs = 0;
    every("test.failing", 5, async () => {
      runs++;
      throw new Error("down");
    });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(runs).toBe(2);
    expect(error).toHaveBeenCalledWith("job.failed", expect.any(Error), { job: "test.failing" });
  });
});
