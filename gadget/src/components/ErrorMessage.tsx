/**
 * A failure as a clear, translated message worded from the API's `code` and `params` (never
 * the server's English): what happened and what to do. Partners and affiliates the error
 * names are shown by name, a partner with a link to it.
 */
import { BackendError } from "../api/errors.ts";
import { signInErrorCode } from "../auth/sign-in-error.ts";
import type { I18n, MessageKey } from "../i18n/index.ts";
import { useStore } from "../state/context.ts";
import type { Store } from "../state/store.ts";
import { Message } from "./Message.tsx";
import { RouteLink } from "./RouteLink.tsx";

/** `partnerhub-error-<code>`, the code's underscores as hyphens (`rate_limited` → `…-rate-limited`). */
const codeKey = (code: string) => `partnerhub-error-${code.replace(/_/g, "-")}` as MessageKey;

const KEY_BY_KIND: Record<BackendError["kind"], MessageKey> = {
  conflict: "partnerhub-error-conflict",
  forbidden: "partnerhub-error-forbidden",
  unauthorized: "partnerhub-error-unauthorized",
  rate_limited: "partnerhub-error-rate-limited",
  validation: "partnerhub-error-validation-failed",
  not_found: "partnerhub-error-not-found",
  network: "partnerhub-error-network",
  server: "partnerhub-error-server",
  other: "partnerhub-error-other",
};

const str = (v: unknown) => (typeof v === "string" && v ? v : null);

/** What an error names: from `params`, or from `details` where an older backend put it. */
function named(error: BackendError, what: "partner" | "affiliate" | "lead"): string | null {
  const details = (error.details ?? {}) as Record<string, unknown>;
  return str(error.params[what]) ?? str(details[what]);
}

interface Worded {
  /** The text, with `\0` where the partner's link goes. */
  text: string;
  partner: { id: string; name: string } | null;
}

const SLOT = "\u0000";

export function wordError(store: Pick<Store, "i18n" | "partners" | "affiliateName">, error: unknown): Worded {
  const { i18n } = store;
  if (!(error instanceof BackendError)) return { text: local(i18n, error), partner: null };
  const partnerId = named(error, "partner");
  if (partnerId && (error.kind === "conflict" || error.code === "conflict")) {
    const name =
      str(error.params.partnerName) ?? store.partners.value.find((p) => p.id === partnerId)?.name ?? partnerId;
    return { text: i18n.t("partnerhub-error-duplicate", SLOT), partner: { id: partnerId, name } };
  }
  const affiliate = named(error, "affiliate") ?? named(error, "lead");
  if (affiliate && error.kind === "conflict")
    return { text: i18n.t("partnerhub-error-lead-taken", store.affiliateName(affiliate)), partner: null };
  return { text: plain(i18n, error), partner: null };
}

/**
 * A failure in the browser. Sign-in errors are recognised by name and code, not `instanceof`
 * (auth/sign-in-error.ts says why).
 */
function local(i18n: I18n, error: unknown): string {
  const e = (error ?? {}) as { name?: unknown; message?: unknown };
  if (e.name === "SignInError") return i18n.t(`partnerhub-signin-error-${signInErrorCode(error)}`);
  return i18n.t("partnerhub-error-other", String(e.message ?? error));
}

function plain(i18n: I18n, error: BackendError): string {
  if (error.kind === "rate_limited") return i18n.t("partnerhub-error-rate-limited", error.retryAfter ?? 60);
  if (error.kind === "server") return i18n.t("partnerhub-error-server", error.status);
  const byCode = codeKey(error.code);
  return i18n.has(byCode) ? i18n.t(byCode) : i18n.t(KEY_BY_KIND[error.kind]);
}

export function ErrorMessage({ error }: { error: unknown }) {
  const store = useStore();
  const { text, partner } = wordError(store, error);
  const [before, after] = text.split(SLOT);
  return (
    <Message type="error">
      {before}
      {partner && (
        <RouteLink to={{ view: "partner", partner: partner.id }}>
          <bdi>{partner.name}</bdi>
        </RouteLink>
      )}
      {after}
    </Message>
  );
}
