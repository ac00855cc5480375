/** Codex CSS-only message (`cdx-message`): notices, warnings, errors, successes. */
import type { ComponentChildren } from "preact";

export type MessageType = "notice" | "warning" | "error" | "success";

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
      <span class="cdx-message__icon" />
      <div class="cdx-message__content">{children}</div>
    </div>
  );
}
