import { users } from "@/lib/db/schema";
import type { Db } from "@/lib/db/open";
import { seedInterviewDemo } from "./seed-interviews";

/**
 * Demo accounts (README lists them). Every phone number is in a range no real subscriber holds
 * in this demo; sign in with any of them and read the code at /dev/sms.
 */
export const demoUsers = [
  { phone: "+21620000001", name: "مدير المنصة", role: "admin", locale: "ar-TN" },
  // A second administrator: documents of no body (houses, topics) are reviewed by another admin than their author (docs/adr/0023).
  { phone: "+21620000009", name: "Administratrice du contenu", role: "admin", locale: "fr-TN" },
  // Municipal staff work for one town's municipality (lib/municipalities): Haïdra's at its house's counter, Sfax's at the town hall.
  { phone: "+21620000002", name: "Agent Haidra", role: "agent", bodyId: "municipality-haidra", houseId: "haidra", locale: "fr-TN" },
  { phone: "+21620000021", name: "Agent commune de Sfax", role: "agent", bodyId: "municipality-sfax", locale: "fr-TN" },
  // Still on "the municipality" in general (as accounts were before each town had its own): an admin gives it its town (staff/admin/municipalities).
  { phone: "+21620000022", name: "Agent municipal sans ville", role: "agent", bodyId: "municipality", locale: "fr-TN" },
  { phone: "+21620000003", name: "Responsable STEG Kasserine", role: "official", bodyId: "steg", officialLevel: "regional", locale: "fr-TN" },
  { phone: "+21620000004", name: "مسؤول الصوناد", role: "official", bodyId: "sonede", officialLevel: "central", locale: "ar-TN" },
  { phone: "+21620000005", name: "متطوعة فضاء التأهيل الرقمي", role: "volunteer", houseId: "haidra", locale: "ar-TN" },
  { phone: "+21620000006", name: "مترجمة لغة الإشارة", role: "volunteer", interpreter: true, locale: "ar-TN" },
  { phone: "+21698123456", name: "فاطمة بن علي", role: "citizen", locale: "ar-TN" },
  { phone: "+21655123456", name: "Mohamed Trabelsi", role: "citizen", locale: "fr-TN" },
  // The municipality of Aïn Draham (CIVITAS, seed 003): an agent and an official, the building-permit commission's members (issue 17).
  { phone: "+21620000011", name: "Agent Aïn Draham", role: "agent", bodyId: "municipality-ain-draham", locale: "fr-TN" },
  { phone: "+21620000012", name: "رئيسة لجنة رخص البناء بعين دراهم", role: "official", bodyId: "municipality-ain-draham", officialLevel: "regional", locale: "ar-TN" },
] as const;

export async function seedDemo(db: Db): Promise<Record<string, number>> {
  const now = new Date();
  const rows = demoUsers.map((u) => ({ ...u, onboardedAt: now }));
  await db.insert(users).values(rows as never).onConflictDoNothing({ target: users.phone });
  const interviewHosts = await seedInterviewDemo(db);
  return { users: demoUsers.length, "interview hosts": interviewHosts };
}
