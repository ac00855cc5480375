/** Codex CSS-only message (`cdx-message`): notices, warnings, errors, successes. */
import type { ComponentChildren } from "preact";

export type MessageType = "notice" | "warning" | "error" | "success";

/**
 * Codex gives the notice icon a per-language variant (`.cdx-message .cdx-message__icon:lang(ar)`),
 * and that rule outranks the error, warning and success icons: in Arabic every message would show
 * the notice's lightbulb. The icon has no words, so it carries no language (`zxx`).
 */
export function MessageIcon({ type }: { type: MessageType }) {
  return <span class="cdx-message__icon" lang={type === "notice" ? undefined : "zxx"} />;
}

export function Message({
  type = "notice",
  inline = false,
  children,
}: {
  type?: MessageType;
  inline?: boolean;
  children: ComponentChildren;
}) {
  const cls = `cdx-message cdx-message--${inline ? "inline" : "block"} cdx-message--${type}`;
  const role = type === "error" || type === "warning" ? "alert" : "status";
  return (
    <div class={cls} role={role} aria-live="polite">
      <MessageIcon type={type} />
      <div class="cdx-message__content">{children}</div>
    </div>
  );
}
