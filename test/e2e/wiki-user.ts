/** What a person does on the wiki itself: log in at Special:UserLogin, sign in from the hub page through OAuth. */
import type { Page } from "playwright-core";

export interface Person {
  name: string;
  password: string;
}

export async function logInOnWiki(page: Page, scriptUrl: string, person: Person): Promise<void> {
  await page.goto(`${scriptUrl}/index.php?title=Special:UserLogin`);
  await page.locator("#wpName1").fill(person.name);
  await page.locator("#wpPassword1").fill(person.password);
  await Promise.all([
    page.waitForURL((u) => !u.searchParams.has("title") || !u.search.includes("UserLogin")),
    page.locator("#wpLoginAttempt").click(),
  ]);
  await page.waitForFunction(
    (name) =>
      (window as unknown as { mw?: { config: { get(k: string): unknown } } }).mw?.config.get("wgUserName") === name,
    person.name,
  );
}

/**
 * From the hub page: "Sign in" → the consent notice → the wiki's authorization page (the
 * stand-in's, as Extension:OAuth's on Meta) → Allow → back on the hub page, signed in.
 */
export async function signInFromHub(page: Page, hubUrl: string, person: Person): Promise<void> {
  await page.goto(hubUrl);
  await page.locator(".partnerhub-row").first().waitFor();
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  const consent = page.getByRole("dialog");
  await consent.waitFor();
  await consent.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("button", { name: "Allow" }).click();
  await page.getByText(`Signed in as ${person.name}`).waitFor();
}
