import "server-only";
import { env } from "@/lib/env";

/** The STUN/TURN servers every call room hands its pages (one setting for all rooms, named after the first). */
export function iceServers() {
  return env().INTERVIEW_ICE_SERVERS;
}
