/**
 * A validation issue as the API sends it and the gadget words it: zod's issue code, the path,
 * and the limits or rule that failed, so no English sentence has to be translated on the way.
 * The same description is made on both sides: the backend's 422 hook and the gadget's forms
 * module (which checks with the same schemas before sending).
 */
import type { z } from "zod";
import type { ValidationIssue } from "./api.ts";
import { PATTERNS } from "./schemas.ts";

export type { ValidationIssue };

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
