/**
 * The case engine, as other domains use it. See docs/adr/0003-case-engine.md.
 */
export { defineKind, type CaseKind, type AnyKind } from "./kind";
export { defineMachine, type Machine, type StateDefinition, type TransitionDefinition, type Party, type Clock } from "./machine";
export type { Allowance, Adjustment, DeadlineRule, DeadlineStatus } from "./deadline";
export { parseReference, isReference } from "./reference";
export { getKind, listKinds } from "./kinds";
