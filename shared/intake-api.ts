/** Requests and answers of intake: the duplicate check, merging, and importing a list. */
import { z } from "zod";
import { DuplicateCandidate } from "./api.ts";
import { IMPORT_FIELDS } from "./import-table.ts";
import { Qid } from "./schemas.ts";

export const IMPORT_MAX_ROWS = 1000;
/** A list of 1,000 full rows is well under this; the body limit of an import. */
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;

export const DuplicateQuery = z.strictObject({
  name: z.string().max(200).optional(),
  wikidata: Qid.optional(),
  website: z.string().max(2000).optional(),
});

export const DuplicateList = z.strictObject({ candidates: z.array(DuplicateCandidate) }).meta({ id: "DuplicateList" });
export type DuplicateList = z.infer<typeof DuplicateList>;

export const MergeRequest = z
  .strictObject({
    into: z.string().min(2).max(80),
    version: z.number().int().min(1).meta({ description: "the version of the partner being merged (its ETag)" }),
  })
  .meta({ id: "MergeRequest" });

export const ImportRequest = z
  .strictObject({
    format: z.enum(["csv", "tsv", "wikitable"]),
    text: z.string().min(1).max(IMPORT_MAX_BYTES),
    columns: z
      .partialRecord(z.enum(IMPORT_FIELDS), z.string().max(200))
      .optional()
      .meta({ description: "which column (by its header) holds which field; guessed from the headers when absent" }),
    dryRun: z.boolean().default(true),
    confirmNew: z
      .array(z.number().int().min(2))
      .max(IMPORT_MAX_ROWS)
      .default([])
      .meta({ description: "rows to create although they may duplicate a partner (never the same Wikidata item)" }),
  })
  .meta({ id: "ImportRequest" });
export type ImportRequest = z.input<typeof ImportRequest>;

/** Why a row cannot be imported, as a code the gadget words with its params. */
export const IMPORT_ISSUES = [
  "required",
  "unknown_country",
  "unknown_value",
  "not_a_website",
  "not_an_email",
  "not_a_wikidata_item",
  "formula",
  "too_long",
  "invalid",
] as const;

const RowIssue = z.strictObject({
  row: z.number().int(),
  column: z.string().nullable(),
  field: z.string(),
  code: z.enum(IMPORT_ISSUES),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});

export const ImportPreview = z
  .strictObject({
    format: z.enum(["csv", "tsv", "wikitable"]),
    headers: z.array(z.string()),
    columns: z.partialRecord(z.enum(IMPORT_FIELDS), z.string()),
    rows: z.number().int().meta({ description: "data rows read (the header row is row 1)" }),
    create: z.array(z.strictObject({ row: z.number().int(), id: z.string(), name: z.string() })),
    duplicates: z.array(
      z.strictObject({
        row: z.number().int(),
        name: z.string(),
        candidates: z.array(DuplicateCandidate),
        sameAs: z.array(z.number().int()).meta({ description: "earlier rows of the same list it may repeat" }),
        confirmable: z.boolean().meta({ description: "false for the same Wikidata item: never a second partner" }),
      }),
    ),
    errors: z.array(RowIssue),
    committed: z.boolean(),
  })
  .meta({ id: "ImportPreview" });
export type ImportPreview = z.infer<typeof ImportPreview>;
