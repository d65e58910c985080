/**
 * Every kind of notification; each has a title and a body in messages `Notifications.types.*`
 * (with the values the notification stores), and a shorter `sms` text.
 */
export const notificationTypes = ["caseReceived", "caseReply", "caseStatusChanged", "caseDueSoon", "caseDeadlineChanged", "caseRedirected", "caseOverdue"] as const;
export type NotificationType = (typeof notificationTypes)[number];
