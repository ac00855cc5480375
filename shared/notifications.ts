/**
 * Notifications on the wire: a person's choice of how often the bot posts on their talk page,
 * the "For you" feed, and the coordinators' delivery status. The gadget and the backend share
 * these shapes; the rule of when a digest is due is here too, so both say the same.
 */
import { z } from "zod";
import { Event } from "./schemas.ts";

import { NOTIFICATION_MODES, type NotificationMode } from "./vocabulary.ts";

export type { NotificationMode };
export const DEFAULT_NOTIFICATION_MODE: NotificationMode = "daily";

export const Preferences = z.strictObject({ notifications: z.enum(NOTIFICATION_MODES) }).meta({ id: "Preferences" });
export type Preferences = z.infer<typeof Preferences>;

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

export const FeedItem = z
  .strictObject({ event: Event, reason: z.string(), unseen: z.boolean() })
  .meta({ id: "FeedItem" });

export const Feed = z
  .strictObject({
    items: z.array(FeedItem).meta({ description: "newest first" }),
    unseen: z.number().int(),
    seenSeq: z.number().int(),
  })
  .meta({ id: "Feed" });
export type Feed = z.infer<typeof Feed>;

export const MarkSeen = z.strictObject({ upTo: z.number().int().min(0) }).meta({ id: "MarkSeen" });

export const NotificationStatus = z
  .strictObject({
    scannedTo: z.number().int().meta({ description: "the last event the outbox has read" }),
    totals: z.strictObject({
      pending: z.number().int(),
      sent: z.number().int(),
      failed: z.number().int(),
      skipped: z.number().int(),
    }),
    recipients: z.array(
      z.strictObject({
        user: z.string(),
        state: z.enum(["pending", "sent", "failed", "skipped"]),
        detail: z.string().meta({ description: "why it failed or was skipped" }),
        pending: z.number().int(),
        deliveredTo: z.number().int(),
        lastSentAt: z.string().nullable(),
        lastAttemptAt: z.string().nullable(),
        revid: z.number().int().nullable(),
        sections: z.number().int(),
      }),
    ),
  })
  .meta({ id: "NotificationStatus" });
export type NotificationStatus = z.infer<typeof NotificationStatus>;
