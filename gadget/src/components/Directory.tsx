/**
 * The directory: search, facets, sort, result count and the (windowed) list of partners. Until
 * the directory has loaded, the search filters the mirror's table on the page in place.
 */
import { useEffect, useState } from "preact/hooks";
import { API_BASE } from "../../../shared/api-base.ts";
import { mirrorIndexTitle } from "../../../shared/mirror-titles.ts";
import { filterRows } from "../directory/takeover.ts";
import { useStore } from "../state/context.ts";
import type { PartnerSort } from "../../../shared/directory-search.ts";
import { BriefError } from "./BriefError.tsx";
import { FacetPanel } from "./FacetPanel.tsx";
import { Message } from "./Message.tsx";
import { PartnerList } from "./PartnerList.tsx";

const SORTS: PartnerSort[] = ["name", "-updated", "-created", "country"];

const focusFirstRow = () => document.querySelector<HTMLElement>('[data-index="0"] a')?.focus();

export function Directory() {
  const store = useStore();
  const { i18n, result, directory } = store;
  const d = directory.value;
  if (d.status === "error") return <BriefError error={d.error} />;
  if (d.status !== "ready" && !store.host.takenRows?.length) return <Message>{i18n.t("partnerhub-loading")}</Message>;
  // The same search box before and after (the mirror's rows, then the app's list): what is typed and the focus stay.
  const search = (
    <search class="partnerhub-toolbar">
      <SearchInput />
      {d.status === "ready" && <SortSelect />}
    </search>
  );
  if (d.status !== "ready")
    return (
      <div class="partnerhub-directory">
        {search}
        <TakenCount />
      </div>
    );
  const { partners, total } = result.value;

  return (
    <div class="partnerhub-directory">
      {search}
      <p class="partnerhub-count" role="status" aria-live="polite">
        {i18n.t("partnerhub-result-count", partners.length, total)}
      </p>
      <p class="partnerhub-updated" role="status" aria-live="polite">
        {store.updated.value && i18n.t("partnerhub-directory-updated")}
      </p>
      {partners.length > 0 && (
        // The filters come before the list in reading order; this takes the keyboard past them.
        <button type="button" class="cdx-button cdx-button--weight-quiet partnerhub-skip" onClick={focusFirstRow}>
          {i18n.t("partnerhub-skip-to-results")}
        </button>
      )}
      <div class="partnerhub-browse">
        <FacetPanel />
        <PartnerList partners={partners} />
      </div>
      <Exports />
    </div>
  );
}

function SortSelect() {
  const store = useStore();
  const { i18n } = store;
  const query = store.route.value.query;
  return (
    <label class="partnerhub-sort">
      <span>{i18n.t("partnerhub-sort-label")}</span>
      <select
        class="cdx-select"
        value={query.sort}
        onChange={(e) => store.setQuery({ sort: (e.currentTarget as HTMLSelectElement).value as PartnerSort })}
      >
        {SORTS.map((s) => (
          <option value={s} key={s}>
            {i18n.t(`partnerhub-sort-${s.replace("-", "")}` as "partnerhub-sort-name")}
          </option>
        ))}
      </select>
    </label>
  );
}

function SearchInput() {
  const store = useStore();
  const { i18n } = store;
  return (
    <div class="cdx-text-input partnerhub-search">
      <input
        class="cdx-text-input__input"
        dir="auto"
        type="search"
        value={store.route.value.query.q}
        aria-label={i18n.t("partnerhub-search-label")}
        placeholder={i18n.t("partnerhub-search-placeholder")}
        onInput={(e) => store.setQuery({ q: (e.currentTarget as HTMLInputElement).value })}
      />
    </div>
  );
}

/** Before the directory has loaded: the search filters the mirror's own rows below it, in place. */
function TakenCount() {
  const store = useStore();
  const rows = store.host.takenRows ?? [];
  const q = store.route.value.query.q;
  const [shown, setShown] = useState(rows.length);
  useEffect(() => setShown(filterRows(rows, q)), [q]);
  return (
    <p class="partnerhub-count" role="status" aria-live="polite">
      {store.i18n.t("partnerhub-result-count", shown, rows.length)}
    </p>
  );
}

/** Links to the directory's public data: the backend's CSV export and the mirror's JSON page. */
function Exports() {
  const { i18n, config } = useStore();
  const title = mirrorIndexTitle(config.mirrorPrefix);
  const json = typeof mw !== "undefined" && mw.util ? mw.util.getUrl(title) : `#${encodeURIComponent(title)}`;
  return (
    <p class="partnerhub-exports">
      {i18n.t("partnerhub-export-label")}{" "}
      {config.backendUrl && (
        <>
          <a href={`${config.backendUrl}${API_BASE}/export/partners.csv`} download>
            {i18n.t("partnerhub-export-csv")}
          </a>
          {" · "}
        </>
      )}
      <a href={json}>{i18n.t("partnerhub-export-json")}</a>
    </p>
  );
}
