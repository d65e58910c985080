// Pages that need no account share one frame (components/shell/public-layout.tsx).
export { default } from "@/components/shell/public-layout";
