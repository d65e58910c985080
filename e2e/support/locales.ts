export const LOCALES = [
  { prefix: "ar", code: "ar-TN", dir: "rtl" },
  { prefix: "fr", code: "fr-TN", dir: "ltr" },
  { prefix: "en", code: "en", dir: "ltr" },
] as const;
