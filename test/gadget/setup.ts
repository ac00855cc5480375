/** Each gadget test starts with an empty DOM, no stored session, no consent. */
import { cleanup } from "@testing-library/preact";
import { afterEach } from "vitest";
import { setSignInProvider } from "../../gadget/src/auth/session.ts";

afterEach(() => {
  cleanup();
  window.sessionStorage.clear();
  window.localStorage.clear();
  window.location.hash = "";
  setSignInProvider(null);
  delete (window as unknown as { partnerhubForms?: unknown }).partnerhubForms;
});
