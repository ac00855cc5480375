/**
 * The result list, windowed: only the rows in view (plus a margin) are in the
 * DOM, so 5,000+ partners scroll smoothly. Arrow keys, Home and End move
 * between rows; Enter opens one.
 */
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import type { Partner } from "../../../shared/schemas.ts";
import { prefetchModule } from "../modules/load.ts";
import { useStore } from "../state/context.ts";
import { PartnerRow, ROW_HEIGHT } from "./PartnerRow.tsx";

const OVERSCAN = 6;
/** Used where layout reports no height (a DOM without layout, a hidden tab). */
const FALLBACK_VIEWPORT = 640;

const KEY_STEP: Record<string, (i: number, n: number) => number> = {
  ArrowDown: (i, n) => Math.min(i + 1, n - 1),
  ArrowUp: (i) => Math.max(i - 1, 0),
  Home: () => 0,
  End: (_, n) => n - 1,
  PageDown: (i, n) => Math.min(i + 8, n - 1),
  PageUp: (i) => Math.max(i - 8, 0),
};

export function PartnerList({ partners }: { partners: Partner[] }) {
  const store = useStore();
  const { i18n } = store;
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  // The window's height: the list is at most that tall, so the first screenful fills the window
  // at any height (an 1800 px window showed 14 rows and blank space below until a scroll). Not
  // the list's own height: reading it while rendering forced a layout in every keystroke.
  const viewport = window.innerHeight || FALLBACK_VIEWPORT;
  const start = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const end = Math.min(partners.length, Math.ceil((scrollTop + viewport) / ROW_HEIGHT) + OVERSCAN);

  useEffect(() => {
    if (ref.current) ref.current.scrollTop = 0;
    setScrollTop(0);
  }, [partners]);

  useLayoutEffect(() => {
    if (focusIndex === null) return;
    ref.current?.querySelector<HTMLElement>(`[data-index="${focusIndex}"] a`)?.focus();
  }, [focusIndex, start]);

  function onKeyDown(e: KeyboardEvent) {
    const step = KEY_STEP[e.key];
    const row = (e.target as HTMLElement).closest("[data-index]");
    if (!step || !row || !ref.current) return;
    e.preventDefault();
    const next = step(Number(row.getAttribute("data-index")), partners.length);
    const top = next * ROW_HEIGHT;
    const el = ref.current;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
    setScrollTop(el.scrollTop);
    setFocusIndex(next);
  }

  const prefetchPartner = () => prefetchModule(store, "partner");

  if (partners.length === 0) return <p class="partnerhub-empty">{i18n.t("partnerhub-no-results")}</p>;

  // Keyed by position, not by partner: after a keystroke the rows in view are the same elements
  // with new text (creating and removing them was most of a keystroke's rendering).
  const rows = [];
  for (let i = start; i < end; i++) {
    rows.push(
      <PartnerRow key={i} partner={partners[i] as Partner} index={i} count={partners.length} top={i * ROW_HEIGHT} />,
    );
  }
  return (
    <div class="partnerhub-list" ref={ref} onScroll={(e) => setScrollTop((e.currentTarget as HTMLElement).scrollTop)}>
      <ul
        class="partnerhub-list__inner"
        onKeyDown={onKeyDown}
        // A row hovered or focused: its page (the partner module) is fetched ahead.
        onMouseEnter={prefetchPartner}
        onFocusCapture={prefetchPartner}
        style={{ height: `${partners.length * ROW_HEIGHT}px` }}
        aria-label={i18n.t("partnerhub-list-label")}
      >
        {rows}
      </ul>
    </div>
  );
}
