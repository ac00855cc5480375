/**
 * A validation issue as the API sends it and the gadget words it: zod's issue code, the path,
 * and the limits or rule that failed, so no English sentence has to be translated on the way.
 * The same description is made on both sides: the backend's 422 hook and the gadget's forms
 * module (which checks with the same schemas before sending).
 */
import type { z } from "zod";
import { PATTERNS } from "./schemas.ts";

export interface ValidationIssue {
  /** Dotted path into the request body, e.g. `languages.3` or `contact.email`. */
  path: string;
  /** zod's issue code: `too_big`, `too_small`, `invalid_format`, `invalid_value`, `custom`… */
  code: string;
  /** English, for logs and curl. */
  message: string;
  /** What was measured (`string`, `array`, `number`) by `too_big` and `too_small`. */
  origin?: string;
  minimum?: number;
  maximum?: number;
  /** The format of `invalid_format` (`email`, `url`) or, for a pattern, the rule it stands for. */
  format?: string;
  /** The rule a `custom` check or pattern stands for: `country`, `language`, `qid`, `unique`… */
  rule?: string;
}

const RULE_BY_PATTERN = new Map(Object.entries(PATTERNS).map(([rule, re]) => [String(re), rule]));

export function describeIssue(issue: z.core.$ZodIssue): ValidationIssue {
  const base = { path: issue.path.map(String).join("."), code: issue.code, message: issue.message };
  switch (issue.code) {
    case "too_big":
      return { ...base, origin: issue.origin, maximum: Number(issue.maximum) };
    case "too_small":
      return { ...base, origin: issue.origin, minimum: Number(issue.minimum) };
    case "invalid_format": {
      const rule = "pattern" in issue ? RULE_BY_PATTERN.get(String(issue.pattern)) : undefined;
      return { ...base, format: issue.format, ...(rule ? { rule } : {}) };
    }
    case "custom": {
      const rule = issue.params?.rule;
      return typeof rule === "string" ? { ...base, rule } : base;
    }
    default:
      return base;
  }
}
