import type { Option } from "@/components/ui/field";

/** Each language in its own name and script (the same in every interface language). */
export const languageOptions: Option[] = [
  { value: "ar-TN", label: <span lang="ar-TN" dir="rtl">العربية</span> },
  { value: "fr-TN", label: <span lang="fr-TN" dir="ltr">Français</span> },
  { value: "en", label: <span lang="en" dir="ltr">English</span> },
];
