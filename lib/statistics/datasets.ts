/**
 * The open-data datasets, as documented on /[locale]/open-data and served under
 * /api/v1/open-data/{id}.csv|json. Field descriptions are message keys (OpenData.fields.*).
 */
export type FieldType = "text" | "count";
export type Field = {
  name: string;
  type: FieldType;
  /** A figure about the rows of another count of the same row: withheld with it. */
  basis?: string;
  /** Withheld too when `basis - value` is a small count (the part tells its complement). */
  complement?: boolean;
};
export type Row = Record<string, string | number | null>;

export const DATASET_IDS = ["cases", "bookings", "payments", "ratings", "visits", "learning"] as const;
export type DatasetId = (typeof DATASET_IDS)[number];

export const DATASETS: Record<DatasetId, { fields: Field[] }> = {
  cases: {
    fields: [
      { name: "date", type: "text" },
      { name: "body_id", type: "text" },
      { name: "kind", type: "text" },
      { name: "submitted", type: "count" },
      { name: "closed", type: "count" },
    ],
  },
  bookings: {
    fields: [
      { name: "date", type: "text" },
      { name: "body_id", type: "text" },
      { name: "bookings", type: "count" },
      { name: "no_shows", type: "count", basis: "bookings" },
    ],
  },
  payments: {
    fields: [
      { name: "date", type: "text" },
      { name: "payments", type: "count" },
      { name: "amount_millimes", type: "count", basis: "payments" },
    ],
  },
  ratings: {
    fields: [
      { name: "date", type: "text" },
      { name: "subject", type: "text" },
      { name: "ratings", type: "count" },
      { name: "satisfied", type: "count", basis: "ratings", complement: true },
    ],
  },
  visits: {
    fields: [
      { name: "date", type: "text" },
      { name: "section", type: "text" },
      { name: "visits", type: "count" },
    ],
  },
  learning: {
    fields: [
      { name: "date", type: "text" },
      { name: "lessons_completed", type: "count" },
      { name: "guidance_sessions", type: "count" },
    ],
  },
};

export function isDatasetId(value: string): value is DatasetId {
  return (DATASET_IDS as readonly string[]).includes(value);
}

/** RFC 4180 CSV: a header line, CRLF line ends, fields quoted when they need it; a withheld cell is empty. */
export function toCsv(id: DatasetId, rows: Row[]): string {
  const names = DATASETS[id].fields.map((f) => f.name);
  const cell = (v: string | number | null) => {
    if (v === null) return "";
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return [names.join(","), ...rows.map((r) => names.map((n) => cell(r[n] ?? null)).join(","))].join("\r\n") + "\r\n";
}

export const LICENCE = { name: "Creative Commons Attribution 4.0 International (CC BY 4.0)", url: "https://creativecommons.org/licenses/by/4.0/" } as const;
