/** Without the backend: who is interested in a partner and who leads, from the public directory. */
import type { Partner } from "../../../shared/schemas.ts";
import { useStore } from "../state/context.ts";

export function InterestSummary({ partner }: { partner: Partner }) {
  const store = useStore();
  const { i18n } = store;
  if (partner.interested.length === 0) return <p>{i18n.t("partnerhub-interest-none")}</p>;
  return (
    <ul class="partnerhub-interest">
      {partner.interested.map((a) => (
        <li key={a}>
          {store.affiliateName(a)}
          {partner.lead?.affiliate === a && <strong> — {i18n.t("partnerhub-claim-status-lead")}</strong>}
        </li>
      ))}
    </ul>
  );
}
