/**
 * "Sign in": the consent step. Before the first contact with the backend the
 * user is told where it is and what it stores; only then is anything sent.
 */
import { useState } from "preact/hooks";
import { hasConsented, recordConsent } from "../auth/consent.ts";
import { ensureOAuthProvider } from "../auth/oauth-hookup.ts";
import { hasSignInProvider } from "../auth/session.ts";
import { loadForms } from "../forms/load.ts";
import { useStore } from "../state/context.ts";
import { useAction } from "../state/hooks.ts";
import { ConsentDialog } from "./ConsentDialog.tsx";
import { ErrorMessage } from "./ErrorMessage.tsx";

export function SignInButton({ label }: { label?: string }) {
  const store = useStore();
  const { i18n, config } = store;
  const [open, setOpen] = useState(false);
  const action = useAction();
  if (!store.backend) return null;

  async function proceed(username?: string) {
    recordConsent(config.backendUrl);
    const ok = await action.run(async () => {
      // Wikimedia OAuth 2 when a client id is configured (its code loads on demand), else dev sign-in.
      if (!hasSignInProvider()) await ensureOAuthProvider(store);
      if (!hasSignInProvider()) await loadForms(config.formsModule, store.host.using);
      if (!hasSignInProvider()) throw new Error(i18n.t("partnerhub-signin-unavailable"));
      await store.signIn(username);
      return true;
    });
    if (ok) setOpen(false);
  }

  const needsDialog = config.devLogin || !hasConsented(config.backendUrl);
  return (
    <>
      <button
        type="button"
        class="cdx-button cdx-button--action-progressive"
        disabled={action.busy}
        onClick={() => (needsDialog ? setOpen(true) : proceed())}
      >
        {label ?? i18n.t("partnerhub-signin")}
      </button>
      {!open && action.error !== null && <ErrorMessage error={action.error} />}
      {open && (
        <ConsentDialog busy={action.busy} error={action.error} onCancel={() => setOpen(false)} onContinue={proceed} />
      )}
    </>
  );
}
