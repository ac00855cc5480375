/** Where the backend is and what it stores, asked before the first contact; a user name field for local development. */
import { useState } from "preact/hooks";
import type { ConsentProps } from "../modules/load.ts";
import { useStore } from "../state/context.ts";
import { Dialog } from "./Dialog.tsx";
import { ErrorMessage } from "./ErrorMessage.tsx";
import { Field } from "./Field.tsx";
import { Message } from "./Message.tsx";

/** The sign-in module's view: the sign-in button hands it the step's state. */
export const ConsentStep = ({ consent }: { consent?: ConsentProps }) =>
  consent ? <ConsentDialog {...consent} /> : null;

function ConsentDialog({ busy, error, onCancel, onContinue }: ConsentProps) {
  const { i18n, config } = useStore();
  const [username, setUsername] = useState("");
  const host = hostOf(config.backendUrl);
  const footer = (
    <>
      <button
        type="button"
        class="cdx-button cdx-button--action-progressive cdx-button--weight-primary"
        disabled={busy || (config.devLogin && !username.trim())}
        onClick={() => onContinue(config.devLogin ? username.trim() : undefined)}
      >
        {i18n.t("partnerhub-consent-continue")}
      </button>
      <button type="button" class="cdx-button" onClick={onCancel}>
        {i18n.t("partnerhub-cancel")}
      </button>
    </>
  );
  return (
    <Dialog title={i18n.t("partnerhub-consent-title")} onClose={onCancel} footer={footer}>
      <p>{i18n.bdi("partnerhub-consent-where", host)}</p>
      <p>{i18n.t("partnerhub-consent-what")}</p>
      {config.devLogin && (
        <>
          <Message type="warning">{i18n.t("partnerhub-devlogin-notice")}</Message>
          <Field id="partnerhub-dev-username" label={i18n.t("partnerhub-devlogin-username")}>
            <div class="cdx-text-input">
              <input
                id="partnerhub-dev-username"
                class="cdx-text-input__input"
                value={username}
                autoComplete="username"
                onInput={(e) => setUsername((e.currentTarget as HTMLInputElement).value)}
              />
            </div>
          </Field>
        </>
      )}
      {error !== null && <ErrorMessage error={error} />}
    </Dialog>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
