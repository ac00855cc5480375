/** A backend failure as a clear, translated message: what happened and what to do. */
import { BackendError } from "../api/errors.ts";
import { errorText } from "../i18n/errors.ts";
import { useStore } from "../state/context.ts";
import { useLabels } from "./Labels.tsx";
import { Message } from "./Message.tsx";

export function ErrorMessage({ error }: { error: unknown }) {
  const store = useStore();
  const labels = useLabels();
  // Anything else failed on the page itself (a module that did not load, a bug): no server words to go by.
  const facts =
    error instanceof BackendError
      ? {
          code: error.code,
          status: error.status,
          params: error.params,
          issues: error.issues,
          retryAfter: error.retryAfter,
        }
      : { code: "gadget" as const, status: 0, params: {}, issues: [], retryAfter: null };
  const text = errorText(store.i18n, facts, {
    affiliate: (id) => store.affiliateName(id),
    claimStatus: (s) => labels.label("claim-status", s),
    partnerStatus: (s) => labels.label("status", s),
  });
  return <Message type="error">{text}</Message>;
}
