// The test wiki harness: a real MediaWiki 1.43 LTS (Debian 13's package) on loopback, for the
// mirror tests, the OAuth sign-in tests and the end-to-end tests.
//
//   const wiki = await startWiki();            // ~1 s once the code and seed are cached
//   const bot = await login(wiki.apiUrl, wiki.bot.botUsername, wiki.bot.botPassword);
//   await bot.edit("Sandbox", "Hello", "test", { assert: "bot" });
//   await wiki.stop();
export { defaultCacheDir, ensureMediaWikiCode, ensurePhp, repoRoot, type MediaWikiCode } from "./code.ts";
export {
  attachWiki,
  freePort,
  isProcessGroupAlive,
  newPassword,
  startWiki,
  stopProcessGroup,
  wikiInfo,
  type Credentials,
  type StartOptions,
  type WikiHandle,
  type WikiInfo,
} from "./instance.ts";
export { setStandInClock, type OAuthStandInOptions, type StandInClient } from "./oauth-standin/settings.ts";
export {
  ApiError,
  apiGet,
  createClient,
  login,
  type ApiParams,
  type ApiResponse,
  type EditResult,
  type WikiClient,
} from "./api.ts";
