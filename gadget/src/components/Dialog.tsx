/** Codex CSS-only dialog: modal, focus on the dialog and kept inside, Escape closes, focus returns to the opener. */
import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { useStore } from "../state/context.ts";

interface DialogProps {
  title: ComponentChildren;
  onClose: () => void;
  children: ComponentChildren;
  footer: ComponentChildren;
}

const FOCUSABLE =
  "button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled])";

export function Dialog({ title, onClose, children, footer }: DialogProps) {
  const { i18n } = useStore();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    // Focus opens on the dialog itself: its title is read out, Tab reaches the close button
    // first, and no arrow key can change a select the person has not looked at yet.
    ref.current?.focus();
    return () => opener?.focus?.();
  }, []);

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === "Escape") {
      e.preventDefault();
      onClose();
    } else if (e.key === "Tab" && ref.current) {
      const all = Array.from(ref.current.querySelectorAll<HTMLElement>(FOCUSABLE));
      const first = all[0];
      const last = all[all.length - 1];
      if (e.shiftKey && (document.activeElement === first || document.activeElement === ref.current)) {
        e.preventDefault();
        last?.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first?.focus();
      }
    }
  }

  return (
    <div class="cdx-dialog-backdrop partnerhub-backdrop">
      <div
        class="cdx-dialog partnerhub-dialog"
        role="dialog"
        onKeyDown={onKeyDown}
        aria-modal="true"
        aria-labelledby="partnerhub-dialog-title"
        tabIndex={-1}
        ref={ref}
      >
        <header class="cdx-dialog__header cdx-dialog__header--default">
          <div class="cdx-dialog__header__title-group">
            <h2 id="partnerhub-dialog-title" class="cdx-dialog__header__title">
              {title}
            </h2>
          </div>
          <button
            type="button"
            class="cdx-button cdx-button--weight-quiet cdx-button--icon-only cdx-dialog__header__close-button"
            aria-label={i18n.t("partnerhub-close")}
            onClick={onClose}
          >
            <span class="partnerhub-icon-close" aria-hidden="true">
              ×
            </span>
          </button>
        </header>
        <div class="cdx-dialog__body">{children}</div>
        <footer class="cdx-dialog__footer cdx-dialog__footer--default">
          <div class="cdx-dialog__footer__actions">{footer}</div>
        </footer>
      </div>
    </div>
  );
}
