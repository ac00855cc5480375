/**
 * A failure as a clear, translated message worded from the API's `code` and `params` (never
 * the server's English): what happened and what to do. Partners and affiliates the error
 * names are shown by name, isolated for bidi, a partner with a link to it.
 */
import { type ComponentChild, isValidElement } from "preact";
import { BackendError } from "../api/errors.ts";
import { signInErrorCode } from "../auth/sign-in-error.ts";
import { errorText } from "../i18n/errors.ts";
import type { I18n } from "../i18n/index.ts";
import { useStore } from "../state/context.ts";
import type { Store } from "../state/store.ts";
import { claimStatusLabel, useLabels } from "./Labels.tsx";
import { Message } from "./Message.tsx";

const str = (v: unknown) => (typeof v === "string" && v ? v : null);

/** What the error says: `params`, over `details` where an older backend put the same facts. */
function paramsOf(error: BackendError): Record<string, unknown> {
  return { ...error.details, ...error.params };
}

/**
 * A failure in the browser. Sign-in errors are recognised by name and code, not `instanceof`
 * (auth/sign-in-error.ts says why).
 */
function local(i18n: I18n, error: unknown): string {
  const e = (error ?? {}) as { name?: unknown };
  if (e.name === "SignInError") return i18n.t(`partnerhub-signin-error-${signInErrorCode(error)}`);
  return i18n.t("partnerhub-error-gadget");
}

export function ErrorMessage({ error }: { error: unknown }) {
  const store = useStore();
  const labels = useLabels();
  const { i18n } = store;
  if (!(error instanceof BackendError)) return <Message type="error">{local(i18n, error)}</Message>;
  const params = paramsOf(error);
  const partnerId = str(params.partner);
  const affiliate = str(params.affiliate) ?? str(params.lead);
  let text: ComponentChild[];
  if (partnerId && error.code === "conflict") {
    const name = str(params.partnerName) ?? store.partners.value.find((p) => p.id === partnerId)?.name ?? partnerId;
    text = i18n
      .bdi("partnerhub-error-duplicate", name)
      .map((part) => (isValidElement(part) ? link(store, partnerId, part) : part));
  } else if (affiliate && !params.claim && error.kind === "conflict") {
    text = i18n.bdi("partnerhub-error-lead-taken", store.affiliateName(affiliate));
  } else {
    text = errorText(
      i18n,
      { code: error.code, status: error.status, params, issues: error.issues, retryAfter: error.retryAfter },
      {
        affiliate: (id) => store.affiliateName(id),
        claimStatus: (s) => claimStatusLabel(i18n, s),
        partnerStatus: (s) => labels.label("status", s),
      },
    );
  }
  return <Message type="error">{text}</Message>;
}

function link(store: Pick<Store, "navigate">, id: string, name: ComponentChild) {
  return (
    <a
      key="partner"
      href={`#p=${encodeURIComponent(id)}`}
      onClick={(e) => (e.preventDefault(), store.navigate({ view: "partner", partner: id }))}
    >
      {name}
    </a>
  );
}
