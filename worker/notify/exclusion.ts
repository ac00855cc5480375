/**
 * Whether a talk page lets the bot post: the exclusion compliance of Template:Bots
 * (`{{nobots}}`, `{{bots|deny=…}}`, `{{bots|allow=…}}`, `optout=all`), and Meta's opt-out category.
 * Pure: the job reads the page and its categories, this decides.
 */

export const OPT_OUT_CATEGORY = "Opted-out of message delivery";

export type Exclusion = "nobots" | "bots_deny" | "bots_allow" | "opted_out_category";

const names = (list: string) =>
  list
    .split(",")
    .map((n) => n.trim().replace(/_/g, " ").toLowerCase())
    .filter(Boolean);

/**
 * Why the page excludes `bot` (its account name; a BotPassword's `@appid` is dropped), or null
 * when the bot may post.
 */
export function botExclusion(text: string, bot: string): Exclusion | null {
  const me = bot.replace(/@.*$/, "").replace(/_/g, " ").trim().toLowerCase();
  // Comments and nowiki spans do not transclude anything.
  const live = text.replace(/<!--[\s\S]*?(?:-->|$)/g, "").replace(/<nowiki>[\s\S]*?<\/nowiki>/gi, "");
  for (const m of live.matchAll(/\{\{\s*(?:template:\s*)?([nN]obots|[bB]ots)\s*(\|[^{}]*)?\}\}/gi)) {
    const name = m[1]!.toLowerCase();
    if (name === "nobots") return "nobots";
    const params = new Map<string, string>();
    for (const part of (m[2] ?? "").split("|").slice(1)) {
      const eq = part.indexOf("=");
      if (eq > 0) params.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1));
    }
    const deny = params.get("deny");
    if (deny !== undefined) {
      const list = names(deny);
      if (list.includes("all") || list.includes(me)) return "bots_deny";
    }
    const allow = params.get("allow");
    if (allow !== undefined) {
      const list = names(allow);
      if (!list.includes("all") && !list.includes(me)) return "bots_allow";
    }
    const optout = params.get("optout");
    if (optout !== undefined && names(optout).includes("all")) return "bots_deny";
  }
  return null;
}
