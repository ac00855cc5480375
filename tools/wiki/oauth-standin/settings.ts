// TEST-ONLY: the LocalSettings.php lines that load the OAuth 2 stand-in (see README.md here), and a
// clock that tests move forward so that codes and tokens expire without waiting.
import { writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const EXTENSION_JSON = join(dirname(fileURLToPath(import.meta.url)), "extension.json");
const CLOCK_FILE = "oauth-standin-clock";

/** A public OAuth 2 client registered with the stand-in. */
export interface StandInClient {
  id: string;
  name?: string;
  /** Callback URLs as paths under the wiki's `$wgServer` (the port is known only at start), e.g. `/index.php/Hub`. */
  redirectPaths: string[];
}

export interface OAuthStandInOptions {
  clients: StandInClient[];
  /** Seconds a code stays usable (default 60, as short as Extension:OAuth's). */
  codeTtl?: number;
  /** Seconds an access token is accepted (default 3600). */
  tokenTtl?: number;
}

const php = (value: string) => `'${value.replace(/[\\']/g, (c) => `\\${c}`)}'`;

/** PHP for LocalSettings.php; it reads `$wgServer`, so it must come after that line. */
export function standInSettings(options: OAuthStandInOptions): string {
  const clients = options.clients
    .map((c) => {
      const uris = c.redirectPaths.map((p) => `$wgServer . ${php(p)}`).join(", ");
      return `\t${php(c.id)} => [ 'name' => ${php(c.name ?? c.id)}, 'redirectUris' => [ ${uris} ], 'allowedOrigins' => [ $wgServer ] ],`;
    })
    .join("\n");
  return [
    "# ---- OAuth 2 stand-in (TEST-ONLY, tools/wiki/oauth-standin) ----",
    `wfLoadExtension( 'OAuthStandIn', ${php(EXTENSION_JSON)} );`,
    `$wgOAuthStandInClients = [\n${clients}\n];`,
    `$wgOAuthStandInCodeTTL = ${Math.floor(options.codeTtl ?? 60)};`,
    `$wgOAuthStandInTokenTTL = ${Math.floor(options.tokenTtl ?? 3600)};`,
    `$wgOAuthStandInClockFile = __DIR__ . '/${CLOCK_FILE}';`,
  ].join("\n");
}

/** Moves the stand-in's clock of the wiki in `wikiDir` to `seconds` ahead of real time (0: real time). */
export async function setStandInClock(wikiDir: string, seconds: number): Promise<void> {
  await writeFile(join(wikiDir, CLOCK_FILE), String(Math.floor(seconds)));
}
