/** /export/partners.csv: the directory as CSV; coordinators also get the private contact columns. */
import { createRoute } from "@hono/zod-openapi";
import { csvDocument } from "../export/csv.ts";
import { asker } from "../auth/middleware.ts";
import { partnersForExport } from "../record/reads.ts";
import { type Handlers, mount } from "./openapi.ts";

const PUBLIC = [
  "id",
  "name",
  "wikidata",
  "kind",
  "country",
  "languages",
  "offers",
  "projects",
  "funding",
  "status",
  "lead",
  "interested",
  "summary",
  "asks",
  "referred_by",
  "created",
  "updated",
];
const PRIVATE = ["contact_name", "contact_email", "notes"];

export const routes = {
  exportRoute: createRoute({
    method: "get",
    path: "/export/partners.csv",
    summary: "The directory as CSV (coordinators get contacts too)",
    responses: { 200: { content: { "text/csv": { schema: { type: "string" } } }, description: "CSV, UTF-8, CRLF" } },
  }),
};

const handlers: Handlers<typeof routes> = {
  exportRoute: async (c) => {
    const partners = await partnersForExport(c.get("deps").db, asker(c));
    const withPrivate = c.get("caller")?.coordinator === true;
    const rows = partners.map(({ partner: p, contact }) => {
      const cells: unknown[] = [
        p.id,
        p.name,
        p.wikidata,
        p.kind,
        p.country,
        p.languages,
        p.offers,
        p.projects,
        p.funding,
        p.status,
        p.lead?.affiliate ?? "",
        p.interested,
        p.summary,
        p.asks,
        p.referredBy.user,
        p.createdAt,
        p.updatedAt,
      ];
      if (contact) cells.push(contact.name, contact.email, contact.notes);
      return cells;
    });
    const body = csvDocument(withPrivate ? [...PUBLIC, ...PRIVATE] : PUBLIC, rows);
    c.header("Content-Disposition", 'attachment; filename="partners.csv"');
    c.header("Cache-Control", withPrivate ? "private, no-store" : "no-cache");
    c.header("Vary", "Authorization", { append: true });
    return c.body(body, 200, { "Content-Type": "text/csv; charset=UTF-8" });
  },
};

export const exportRoutes = mount(routes, handlers);
