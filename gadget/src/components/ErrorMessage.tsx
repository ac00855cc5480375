/** A backend failure as a clear, translated message: what happened and what to do. */
import { BackendError } from "../api/errors.ts";
import type { MessageKey } from "../i18n/index.ts";
import { useStore } from "../state/context.ts";
import { Message } from "./Message.tsx";

const KEYS: Record<BackendError["kind"], MessageKey> = {
  conflict: "partnerhub-error-conflict",
  forbidden: "partnerhub-error-forbidden",
  unauthorized: "partnerhub-error-unauthorized",
  rate_limited: "partnerhub-error-rate-limited",
  validation: "partnerhub-error-validation",
  not_found: "partnerhub-error-not-found",
  network: "partnerhub-error-network",
  server: "partnerhub-error-server",
  other: "partnerhub-error-other",
};

export function ErrorMessage({ error }: { error: unknown }) {
  const { i18n } = useStore();
  if (!(error instanceof BackendError)) {
    return (
      <Message type="error">{i18n.t("partnerhub-error-other", String((error as Error)?.message ?? error))}</Message>
    );
  }
  const text =
    error.kind === "rate_limited"
      ? i18n.t("partnerhub-error-rate-limited", error.retryAfter ?? 60)
      : i18n.t(KEYS[error.kind], error.message);
  return <Message type="error">{text}</Message>;
}
