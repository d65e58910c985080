export type GoalRow = { figure: string; measured: string | number; goal: string; control: string | number; ok: boolean | null };
export function goalRows(results: unknown): GoalRow[];
export function printGoals(results: unknown): GoalRow[];
