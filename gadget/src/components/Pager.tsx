/** Previous / next through a long list, a page at a time, saying where you are. */
import { useStore } from "../state/context.ts";

export const PAGE = 25;

export function Pager({ page, pages, onPage }: { page: number; pages: number; onPage: (page: number) => void }) {
  const { i18n } = useStore();
  return (
    <nav class="partnerhub-pager" aria-label={i18n.t("partnerhub-pager-label")}>
      <button type="button" class="cdx-button" disabled={page === 0} onClick={() => onPage(page - 1)}>
        {i18n.t("partnerhub-pager-previous")}
      </button>
      <span aria-live="polite">{i18n.t("partnerhub-pager-status", page + 1, pages)}</span>
      <button type="button" class="cdx-button" disabled={page >= pages - 1} onClick={() => onPage(page + 1)}>
        {i18n.t("partnerhub-pager-next")}
      </button>
    </nav>
  );
}
