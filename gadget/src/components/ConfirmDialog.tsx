/**
 * "Are you sure?" for destructive and one-click actions: says what will happen, asks for a
 * reason where the record keeps one, and stays open with the error (and the typed reason)
 * when the action fails. `useConfirm` gives a view one such dialog at a time.
 */
import { useState } from "preact/hooks";
import { LIMITS } from "../../../shared/limits.ts";
import { BackendError } from "../api/errors.ts";
import { useStore } from "../state/context.ts";
import { useAction } from "../state/hooks.ts";
import { Dialog } from "./Dialog.tsx";
import { ErrorMessage } from "./ErrorMessage.tsx";
import { Field } from "./Field.tsx";

export interface ConfirmRequest {
  title: string;
  text: string;
  confirm: string;
  destructive?: boolean;
  /** Ask for a reason; `required` keeps the button disabled (and says so) until one is typed. */
  reason?: { label: string; required: boolean };
  run: (reason: string) => Promise<unknown>;
  /** After a 409 (the record moved on meanwhile): close and show the current state. */
  onConflict?: () => void;
}

export function useConfirm() {
  const [request, setRequest] = useState<ConfirmRequest | null>(null);
  return {
    ask: setRequest,
    dialog: request && <ConfirmDialog request={request} onClose={() => setRequest(null)} />,
  };
}

function ConfirmDialog({ request, onClose }: { request: ConfirmRequest; onClose: () => void }) {
  const { i18n } = useStore();
  const action = useAction();
  const [reason, setReason] = useState("");
  const missing = request.reason?.required === true && reason.trim() === "";
  const id = "partnerhub-confirm-reason";

  async function confirm() {
    const done = await action.run(async () => (await request.run(reason.trim()), true));
    if (done) onClose();
  }

  return (
    <Dialog
      title={request.title}
      onClose={onClose}
      footer={
        <>
          <button
            type="button"
            class={`cdx-button cdx-button--weight-primary ${request.destructive ? "cdx-button--action-destructive" : "cdx-button--action-progressive"}`}
            disabled={action.busy || missing}
            onClick={confirm}
          >
            {request.confirm}
          </button>
          <button type="button" class="cdx-button" onClick={onClose}>
            {i18n.t("partnerhub-cancel")}
          </button>
        </>
      }
    >
      <p>{request.text}</p>
      {request.reason && (
        <Field
          id={id}
          label={request.reason.label}
          optional={request.reason.required ? undefined : i18n.t("partnerhub-optional")}
          help={missing ? i18n.t("partnerhub-confirm-reason-needed") : undefined}
        >
          <div class="cdx-text-area">
            <textarea
              id={id}
              class="cdx-text-area__textarea"
              dir="auto"
              rows={3}
              maxLength={LIMITS.reason}
              value={reason}
              onInput={(e) => setReason((e.currentTarget as HTMLTextAreaElement).value)}
            />
          </div>
        </Field>
      )}
      {action.error !== null && <ErrorMessage error={action.error} />}
      {request.onConflict && action.error instanceof BackendError && action.error.kind === "conflict" && (
        <button
          type="button"
          class="cdx-button cdx-button--weight-quiet"
          onClick={() => (onClose(), request.onConflict?.())}
        >
          {i18n.t("partnerhub-reload")}
        </button>
      )}
    </Dialog>
  );
}
