"use client";

import { createContext, useContext, type ReactNode } from "react";

/**
 * "Error:" in the page's language, for the error summary to put before the page title. Given once
 * by the locale layout (messages A11y.errorTitlePrefix), so no form has to pass it.
 */
const ErrorTitlePrefix = createContext<string>("");

export function ErrorTitlePrefixProvider({ value, children }: { value: string; children: ReactNode }) {
  return <ErrorTitlePrefix.Provider value={value}>{children}</ErrorTitlePrefix.Provider>;
}

export function useErrorTitlePrefix(): string {
  return useContext(ErrorTitlePrefix);
}
