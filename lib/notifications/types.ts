/**
 * Every kind of notification; each has a title and a body in messages `Notifications.types.*`
 * (with the values the notification stores), and a shorter `sms` text. Stored values whose name
 * ends in `At` are instants (ISO 8601), shown as a date and time in Africa/Tunis.
 */
export const notificationTypes = [
  "caseReceived", "caseReply", "caseStatusChanged", "caseDueSoon", "caseDeadlineChanged", "caseRedirected", "caseOverdue",
  // Remote interviews: to the citizen
  "interviewBooked",
  "interviewCancelled",
  "interviewRescheduled",
  "interviewCancelledByOfficial",
  "interviewReminderDay",
  "interviewReminderSoon",
  // Remote interviews: to the official (inbox only)
  "interviewOfficialBooked",
  "interviewOfficialCancelled",
  "interviewOfficialMoved",
  // Payments: how a payment ended, also when the page was closed long before
  "paymentPaid",
  "paymentDeclined",
  "paymentExpired",
  // Group sessions of the digital-skills space (lib/learning/groups): the day before
  "groupSessionReminder",
] as const;
export type NotificationType = (typeof notificationTypes)[number];
