/** The claims page: every "we can take this partner", its stage and dates; stale leads highlighted. */
import type { Affiliate, Claim, Partner } from "../../shared/schemas.ts";
import { escapeText, userLink } from "./escape.ts";
import { day, headerRow, label, message } from "./labels.ts";
import { layoutTable, type MirrorPage, type PageContext, type Row } from "./layout.ts";
import { byKey, type ClaimOutcome, type MirrorRecord } from "./record.ts";
import { affiliateLink } from "./render-directory.ts";

const HEAD = [
  `{| class="wikitable sortable partnerhub-claims"`,
  headerRow([
    "partnerhub-mirror-column-partner",
    "partnerhub-mirror-column-affiliate",
    "partnerhub-mirror-column-claimed-by",
    "partnerhub-mirror-column-verified",
    "partnerhub-mirror-column-status",
    "partnerhub-mirror-column-stage",
    "partnerhub-mirror-column-stage-note",
    "partnerhub-mirror-column-reason",
    "partnerhub-mirror-column-progress",
    "partnerhub-mirror-column-claimed-on",
  ]),
].join("\n");

// A coloured edge rather than a background: a fixed light background stays light in night mode.
const STALE_STYLE = `class="partnerhub-stale" style="border-left:4px solid #ac6600"`;

const isStale = (c: Claim) => c.status === "lead" && c.staleSince !== null;

function claimRow(
  c: Claim,
  partners: ReadonlyMap<string, Partner>,
  affiliates: ReadonlyMap<string, Affiliate>,
  outcome: ClaimOutcome | undefined,
): Row {
  const partner = partners.get(c.partner);
  const status = isStale(c)
    ? message("partnerhub-mirror-stale-since", label("claim-status", c.status), day(c.staleSince))
    : outcome?.handedOverTo
      ? message("partnerhub-claim-handed-over", affiliateLink(outcome.handedOverTo, affiliates))
      : label("claim-status", c.status);
  const cells = [
    partner ? escapeText(partner.name) : escapeText(c.partner),
    affiliateLink(c.affiliate, affiliates),
    userLink(c.claimedBy),
    message(c.verified ? "partnerhub-mirror-yes" : "partnerhub-mirror-no"),
    status,
    c.stage ? label("stage", c.stage) : "—",
    c.stageNote ? escapeText(c.stageNote) : "—",
    outcome?.reason ? escapeText(outcome.reason) : "—",
    day(c.progressAt),
    day(c.createdAt),
  ];
  const attributes = [Number.isInteger(c.id) ? `id="claim-${c.id}"` : "", isStale(c) ? STALE_STYLE : ""]
    .filter(Boolean)
    .join(" ");
  return {
    label: partner?.name ?? c.partner,
    text: [`|-${attributes ? " " + attributes : ""}`, ...cells.map((x) => `| ${x}`)].join("\n"),
  };
}

/** The claims page (or its index and parts), in partner order, then claim order. */
export function renderClaims(record: MirrorRecord, options: { title: string }, ctx: PageContext): MirrorPage[] {
  const partners = new Map(record.partners.map((p) => [p.id, p]));
  const affiliates = new Map(record.affiliates.map((a) => [a.id, a]));
  const order = byKey<Claim>(
    (c) => partners.get(c.partner)?.name ?? c.partner,
    (c) => `${c.partner}\u0000${String(c.id).padStart(12, "0")}`,
  );
  const rows = [...record.claims].sort(order).map((c) => claimRow(c, partners, affiliates, record.outcomes?.get(c.id)));
  return layoutTable(
    {
      title: options.title,
      top: "",
      bottom: "",
      tableHead: HEAD,
      rows,
      empty: message("partnerhub-mirror-claims-empty"),
    },
    ctx,
  );
}
