import { DATASETS, type DatasetId, type Row } from "./datasets";
import { suppressCount, suppressWith } from "./suppress";

export type Raw = Record<string, string | number>;

/** One row as published: every count suppressed below 5, every derived figure with its count. */
export function publish(id: DatasetId, raw: Raw): Row {
  const out: Row = {};
  for (const field of DATASETS[id].fields) {
    const v = raw[field.name];
    if (field.type === "text") {
      out[field.name] = v === undefined ? null : String(v);
      continue;
    }
    const n = Number(v ?? 0);
    let value = suppressCount(n);
    if (field.basis) {
      const basis = Number(raw[field.basis] ?? 0);
      value = suppressWith(basis, value);
      // A part of a count also tells its complement (7 ratings, 5 satisfied: 2 were not).
      if (field.complement && suppressCount(basis - n) === null) value = null;
    }
    out[field.name] = value;
  }
  return out;
}
