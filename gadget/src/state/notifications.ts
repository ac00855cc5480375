/**
 * The store's notifications module: the signed-in person's "For you" feed (with its unseen
 * count for the tab) and their choice of talk-page notices. Views read these signals and call
 * these actions; nothing here runs before sign-in.
 */
import { signal } from "@preact/signals";
import type { Feed } from "../../../shared/api.ts";
import type { NotificationMode } from "../../../shared/vocabulary.ts";
import type { Backend } from "../api/backend.ts";

type Loadable<T> = { status: "idle" | "loading" } | { status: "ready"; value: T } | { status: "error"; error: unknown };

export function createNotifications(backend: Backend | null, signedIn: () => boolean) {
  const feed = signal<Loadable<Feed>>({ status: "idle" });
  const mode = signal<Loadable<NotificationMode>>({ status: "idle" });
  const ready = () => backend !== null && signedIn();

  return {
    feed,
    mode,
    /** Unseen notices, for the tab's count (0 until loaded). */
    unseen: () => (feed.value.status === "ready" ? feed.value.value.unseen : 0),
    async loadFeed(): Promise<void> {
      if (!ready()) return;
      if (feed.value.status !== "ready") feed.value = { status: "loading" };
      try {
        feed.value = { status: "ready", value: await backend!.feed() };
      } catch (error) {
        feed.value = { status: "error", error };
      }
    },
    /** Marks what is shown as seen: a notice that arrived meanwhile stays unseen. */
    async markAllSeen(): Promise<void> {
      const shown = feed.value.status === "ready" ? feed.value.value.items[0]?.event.seq : undefined;
      if (!ready() || shown === undefined) return;
      feed.value = { status: "ready", value: await backend!.markSeen(shown) };
    },
    async loadMode(): Promise<void> {
      if (!ready()) return;
      try {
        mode.value = { status: "ready", value: (await backend!.preferences()).notifications };
      } catch (error) {
        mode.value = { status: "error", error };
      }
    },
    /** Saves a choice; throws the backend's error for the view to word (the choice shown stays as it was). */
    async choose(next: NotificationMode): Promise<void> {
      if (!ready()) return;
      mode.value = { status: "ready", value: (await backend!.setPreferences({ notifications: next })).notifications };
    },
    reset(): void {
      feed.value = { status: "idle" };
      mode.value = { status: "idle" };
    },
  };
}
