/** Asks the wiki who an OAuth 2 access token belongs to (`/rest.php/oauth2/resource/profile`). */
import { z } from "zod";
import { AppError } from "../errors.ts";
import { userAgent } from "../user-agent.ts";

const Profile = z.object({
  sub: z.union([z.string(), z.number()]).transform(String),
  username: z.string().min(1),
  blocked: z.boolean().default(false),
  groups: z.array(z.string()).default([]),
  editcount: z.number().optional(),
});
export type WikiProfile = z.infer<typeof Profile>;

export async function fetchWikiProfile(
  fetcher: typeof fetch,
  wikiScriptUrl: string,
  accessToken: string,
  version: string,
): Promise<WikiProfile> {
  let response: Response;
  try {
    response = await fetcher(`${wikiScriptUrl}/rest.php/oauth2/resource/profile`, {
      headers: { Authorization: `Bearer ${accessToken}`, "User-Agent": userAgent(version), Accept: "application/json" },
    });
  } catch (cause) {
    throw new AppError("wiki_unavailable", "The wiki could not be reached to check the sign-in; try again", { cause });
  }
  if (response.status === 401 || response.status === 403) {
    throw new AppError("unauthorized", "The wiki did not accept this access token; sign in again");
  }
  if (!response.ok) {
    throw new AppError("wiki_unavailable", `The wiki answered ${response.status} when asked who signed in; try again`);
  }
  const parsed = Profile.safeParse(await response.json().catch(() => null));
  if (!parsed.success) throw new AppError("wiki_unavailable", "The wiki's profile answer was not understood");
  return parsed.data;
}
