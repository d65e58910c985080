import type { AnyKind } from "@/lib/cases/kind";
import { stateOf } from "@/lib/cases/machine";

export function stateLabelKey(kind: AnyKind, status: string | null): string {
  return (status ? stateOf(kind.machine, status)?.label : undefined) ?? "Cases.status.unknown";
}
