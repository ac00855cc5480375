/**
 * The referral form's Wikidata look-up: as a name is typed (once the typing pauses, one
 * request), the Wikidata items it may be; choosing one fills the form from the item (name,
 * country, website, kind, its id), and the duplicate check then runs on that id. When Wikidata
 * cannot be reached the form works as before: a notice says so, and nothing typed is touched.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { Message } from "../components/Message.tsx";
import { useStore } from "../state/context.ts";
import { DUPLICATE_DEBOUNCE_MS } from "./DuplicatePanel.tsx";
import { pageForeignApi, WIKIDATA_API, type WikidataFacts, type WikidataHit, wikidataClient } from "./wikidata.ts";

export interface WikidataLookupProps {
  /** The name as typed in the form. */
  name: string;
  onChoose: (facts: WikidataFacts) => void;
}

type State =
  | { status: "idle" }
  | { status: "ready"; hits: WikidataHit[] }
  | { status: "filled"; id: string }
  | { status: "error" };

const MIN_LENGTH = 3;

export function WikidataLookup({ name, onChoose }: WikidataLookupProps) {
  const store = useStore();
  const { i18n, host, config } = store;
  const [state, setState] = useState<State>({ status: "idle" });
  const [busy, setBusy] = useState(false);
  // The name a chosen item filled in: no new search until the person changes it.
  const filled = useRef<string | null>(null);
  const asked = useRef(0);
  const api = (url: string) => (host.foreignApi ? host.foreignApi(url) : pageForeignApi(url, host.userAgent));
  const client = () => {
    const made = api(config.wikidataApi || WIKIDATA_API);
    return made ? Promise.resolve(made).then((a) => wikidataClient(a, i18n.lang)) : null;
  };

  const text = name.trim();
  useEffect(() => {
    if (text.length < MIN_LENGTH || text === filled.current) {
      if (text !== filled.current) setState({ status: "idle" });
      return;
    }
    const timer = setTimeout(() => {
      const n = ++asked.current;
      client()
        ?.then((c) => c.search(text))
        .then(
          (hits) => n === asked.current && setState({ status: "ready", hits }),
          () => n === asked.current && setState({ status: "error" }),
        );
    }, DUPLICATE_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  async function choose(hit: WikidataHit) {
    setBusy(true);
    asked.current++;
    try {
      const found = await (await client())?.facts(hit.id);
      if (!found) return;
      // An item with no label in the user's languages is named as the search showed it (its Czech label, say).
      const facts = { ...found, name: found.name || hit.label };
      filled.current = facts.name.trim() || text;
      onChoose(facts);
      setState({ status: "filled", id: facts.id });
    } catch {
      setState({ status: "error" });
    } finally {
      setBusy(false);
    }
  }

  if (state.status === "error") return <Message type="warning">{i18n.t("partnerhub-wikidata-unavailable")}</Message>;
  if (state.status === "filled")
    return <Message type="success">{i18n.bdi("partnerhub-wikidata-filled", state.id)}</Message>;
  if (state.status !== "ready" || state.hits.length === 0) return null;
  return (
    <section class="partnerhub-wikidata" aria-labelledby="partnerhub-wikidata-title">
      <p id="partnerhub-wikidata-title" class="partnerhub-muted">
        {i18n.t("partnerhub-wikidata-matches")}
      </p>
      <ul class="partnerhub-wikidata__list">
        {state.hits.map((hit) => (
          <li key={hit.id}>
            <button
              type="button"
              class="cdx-button cdx-button--weight-quiet"
              disabled={busy}
              onClick={() => choose(hit)}
            >
              <bdi lang={hit.language}>{hit.label}</bdi>
              {hit.description && <span class="partnerhub-muted"> — {hit.description}</span>} <span>({hit.id})</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
