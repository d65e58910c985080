/**
 * The case engine's verbs. Each runs in one transaction (a savepoint when given a transaction):
 * the case row is locked, the rule of the kind is checked, the event is written, the deadline is
 * recomputed from the whole timeline, the citizen is notified (same transaction) and staff
 * actions are audited (same transaction). A refused action throws before anything is written.
 *
 * submit.ts files a case; transitions.ts decides on it (status, deadline, body); messages.ts is
 * what is said on it (messages, views, rating); assignment.ts who holds it; core.ts what they share.
 */
export type { CaseActor, CaseEventRow, CaseHistory, CaseRef, CaseRow, EventType, Visibility, WithinTx } from "./core";
export { deadlineOf, guardContext, historyOf } from "./core";
export { parsePayload, requireKind } from "./payload";
export { submitCase, type SubmitCaseOptions, type SubmittedCase } from "./submit";
export { adjustDeadline, redirectCase, transitionCase, transitionsFor, type RedirectOptions, type TransitionOptions } from "./transitions";
export { addCaseMessage, rateCase, recordStaffView, VIEW_COALESCE_MS, type AddMessageOptions } from "./messages";
export { assignCase } from "./assignment";
export { listUnplaced, placeAccountInMunicipality, placeCaseInMunicipality } from "./placement";
