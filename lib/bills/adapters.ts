import "server-only";
import { env } from "@/lib/env";
import { billerIds, type BillerId } from "./billers";
import { DEMO_BILLER_TOKEN } from "./demo";
import { createHttpBillerAdapter } from "./http-adapter";
import type { BillerAdapter } from "./types";

export type BillerAdapters = Record<BillerId, BillerAdapter>;


let cached: BillerAdapters | undefined;

/** The configured billers (the biller simulator in demo mode). */
export function billerAdapters(): BillerAdapters {
  if (!cached) {
    const e = env();
    const token = e.BILLER_API_TOKEN ?? DEMO_BILLER_TOKEN;
    cached = Object.fromEntries(
      billerIds.map((biller) => [biller, createHttpBillerAdapter({ biller, apiUrl: e.BILLER_API_URL, token, timeoutMs: 5000 })]),
    ) as BillerAdapters;
  }
  return cached;
}
