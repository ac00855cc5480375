/**
 * Where the directory comes from. On the wiki: the mirror's JSON pages, read
 * with mw.Api from the same wiki (no third party involved). The backend's
 * `GET /partners` only when configured, or once the user has signed in.
 */
import type { MirrorDirectory } from "../../../shared/mirror-json.ts";
import { mirrorIndexTitle } from "../../../shared/mirror-titles.ts";
import type { Affiliate, Partner } from "../../../shared/schemas.ts";
import type { Backend } from "./backend.ts";

export interface Directory {
  partners: Partner[];
  affiliates: Affiliate[];
  source: "mirror" | "backend";
  /** When the mirror generated it (null for the backend: live). */
  generated: string | null;
  /** The last event the data includes (the mirror's `lastEvent`); null when unknown. */
  lastEvent: number | null;
  /** Merged partner ids and the partner each now lives on, so an old link still leads somewhere. */
  merged?: Record<string, string>;
}

/** The subset of mw.Api the reader needs (easy to fake in tests). */
export interface WikiApi {
  get: (params: Record<string, string | number>) => PromiseLike<unknown>;
}

interface RevisionsAnswer {
  query?: {
    pages?: Array<{ title: string; missing?: boolean; revisions?: Array<{ slots?: { main?: { content?: string } } }> }>;
  };
}

export class MirrorMissingError extends Error {}

async function readJsonPages(api: WikiApi, titles: string[]): Promise<Map<string, MirrorDirectory>> {
  const out = new Map<string, MirrorDirectory>();
  for (let i = 0; i < titles.length; i += 50) {
    const batch = titles.slice(i, i + 50);
    const answer = (await api.get({
      action: "query",
      prop: "revisions",
      rvprop: "content",
      rvslots: "main",
      titles: batch.join("|"),
      formatversion: 2,
      maxage: 300,
      smaxage: 300,
    })) as RevisionsAnswer;
    for (const page of answer.query?.pages ?? []) {
      const content = page.revisions?.[0]?.slots?.main?.content;
      if (page.missing || content === undefined) throw new MirrorMissingError(page.title);
      out.set(page.title, JSON.parse(content) as MirrorDirectory);
    }
  }
  return out;
}

function checkShape(d: MirrorDirectory, title: string): MirrorDirectory {
  if (!d || !Array.isArray(d.partners) || !Array.isArray(d.parts))
    throw new MirrorMissingError(`${title}: not a directory`);
  return d;
}

/** Read `<prefix>.json` and, when split, its parts in order. */
export async function readMirror(api: WikiApi, prefix: string): Promise<Directory> {
  const indexTitle = mirrorIndexTitle(prefix);
  const index = checkShape((await readJsonPages(api, [indexTitle])).get(indexTitle) as MirrorDirectory, indexTitle);
  let partners = index.partners;
  if (index.parts.length > 0) {
    // One part per request (in parallel): each part fits in a page (2 MiB on Meta), but several
    // exceed the API's result limit (8 MiB), and the wiki then leaves their content out.
    const parts = await Promise.all(index.parts.map((t) => readJsonPages(api, [t])));
    partners = index.parts.flatMap((t, i) => checkShape(parts[i]!.get(t) as MirrorDirectory, t).partners);
  }
  return {
    partners,
    affiliates: index.affiliates ?? [],
    source: "mirror",
    generated: index.generated,
    lastEvent: index.lastEvent,
    merged: index.merged ?? {},
  };
}

/** Page through `GET /partners` (500 at a time) and read the affiliates. */
export async function readBackend(backend: Backend): Promise<Directory> {
  const partners: Partner[] = [];
  let cursor: string | null = null;
  do {
    const page = await backend.partners(cursor);
    partners.push(...page.partners);
    cursor = page.nextCursor;
  } while (cursor);
  const { affiliates } = await backend.affiliates();
  return { partners, affiliates, source: "backend", generated: null, lastEvent: null };
}

export interface SourceOptions {
  source: "mirror" | "backend";
  api: WikiApi | null;
  prefix: string;
  backend: Backend | null;
  /** Signed in, or configured to read the backend before sign-in. */
  mayUseBackend: boolean;
}

/** The mirror first; the backend only where allowed. */
export async function loadDirectory(o: SourceOptions): Promise<Directory> {
  if (o.source === "mirror" && o.api) {
    try {
      return await readMirror(o.api, o.prefix);
    } catch (e) {
      if (!o.mayUseBackend || !o.backend) throw e;
    }
  }
  if (!o.mayUseBackend || !o.backend) throw new MirrorMissingError("no directory source available");
  return readBackend(o.backend);
}

/** What changed after `after`: the partners to re-read, whether affiliates changed, the last event seen. */
export async function changesSince(
  backend: Backend,
  after: number,
): Promise<{ partners: Set<string>; affiliates: boolean; last: number }> {
  const partners = new Set<string>();
  let affiliates = false;
  let last = after;
  for (;;) {
    const page = await backend.eventsAfter(last);
    for (const e of page.events) {
      if (e.partner) partners.add(e.partner);
      if (e.type.startsWith("affiliate.") || e.type.startsWith("representative.")) affiliates = true;
      last = e.seq;
    }
    if (page.events.length === 0 || last >= page.last) return { partners, affiliates, last };
  }
}
