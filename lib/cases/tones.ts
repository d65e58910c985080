/** The colours of a status tag (components/ui/status-tag.tsx draws them). */
export type TagTone = "grey" | "blue" | "green" | "yellow" | "red" | "purple";
