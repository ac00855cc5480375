/**
 * The rule of when a notice digest is due, shared so that the bot and the gadget say the same.
 * The shapes on the wire (preferences, the "For you" feed, the outbox status) are in `api.ts`.
 */
import type { NotificationMode } from "./vocabulary.ts";

export type { NotificationMode };
export const DEFAULT_NOTIFICATION_MODE: NotificationMode = "daily";

const HOUR_MS = 3_600_000;
/** The shortest time between two sections for a mode (a run every few minutes rounds it up). */
export const DIGEST_INTERVAL_MS: Record<Exclude<NotificationMode, "none">, number> = {
  immediate: 0,
  daily: 24 * HOUR_MS,
  weekly: 7 * 24 * HOUR_MS,
};

/** Whether a section may be posted now for someone whose last one was at `lastSentAt`. */
export function digestDue(mode: NotificationMode, lastSentAt: string | null, now: Date): boolean {
  if (mode === "none") return false;
  if (lastSentAt === null) return true;
  return now.getTime() - Date.parse(lastSentAt) >= DIGEST_INTERVAL_MS[mode];
}
