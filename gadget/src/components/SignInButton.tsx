/**
 * "Sign in": the consent step. Before the first contact with the backend the
 * user is told where it is and what it stores; only then is anything sent. The dialog and the
 * OAuth code are the on-demand sign-in module, fetched when the button is hovered or focused.
 */
import { useState } from "preact/hooks";
import { hasConsented, recordConsent } from "../auth/consent.ts";
import { ensureOAuthProvider } from "../auth/oauth-hookup.ts";
import { hasSignInProvider } from "../auth/session.ts";
import { loadModule, prefetchModule } from "../modules/load.ts";
import { useStore } from "../state/context.ts";
import { useAction } from "../state/hooks.ts";
import { ErrorMessage } from "./ErrorMessage.tsx";
import { OnDemand } from "./OnDemand.tsx";

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
      if (!hasSignInProvider()) await loadModule(store, "signin");
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
        onMouseEnter={() => prefetchModule(store, "signin")}
        onFocus={() => prefetchModule(store, "signin")}
      >
        {label ?? i18n.t("partnerhub-signin")}
      </button>
      {!open && action.error !== null && <ErrorMessage error={action.error} />}
      {open && (
        <OnDemand
          view="consent"
          consent={{ busy: action.busy, error: action.error, onCancel: () => setOpen(false), onContinue: proceed }}
        />
      )}
    </>
  );
}
