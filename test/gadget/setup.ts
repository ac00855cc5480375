/**
 * Each gadget test starts with an empty DOM, no stored session, no consent, and English messages
 * through the labelled preview/test stand-in for MediaWiki's message functions.
 */
import { cleanup, configure } from "@testing-library/preact";
import { afterEach } from "vitest";
import { setSignInProvider } from "../../gadget/src/auth/session.ts";
import { installMessages } from "../../gadget/preview/mw-messages.ts";

// findBy… and waitFor poll until their condition holds; on 2 busy cores a form's first submit (its
// module imported, the schema checked, the answer rendered) can take longer than the default 1 s.
configure({ asyncUtilTimeout: 5000 });

const globals = globalThis as unknown as { mw?: Record<string, unknown> };
globals.mw = {};
installMessages(globals.mw, "en");

// jsdom has no requestIdleCallback: the browser's, with a deadline only (what the gadget asks
// for), and every pending one cancelled after each test so that none fires once jsdom is gone.
const idle = new Set<ReturnType<typeof setTimeout>>();
const w = window as unknown as {
  requestIdleCallback: (f: () => void, o?: { timeout?: number }) => ReturnType<typeof setTimeout>;
  cancelIdleCallback: (handle: ReturnType<typeof setTimeout>) => void;
};
w.requestIdleCallback = (f, o) => {
  const handle = setTimeout(() => {
    idle.delete(handle);
    f();
  }, o?.timeout ?? 50);
  idle.add(handle);
  return handle;
};
w.cancelIdleCallback = (handle) => {
  clearTimeout(handle);
  idle.delete(handle);
};

afterEach(() => {
  for (const handle of idle) clearTimeout(handle);
  idle.clear();
  cleanup();
  window.sessionStorage.clear();
  window.localStorage.clear();
  window.location.hash = "";
  setSignInProvider(null);
  delete (window as unknown as { partnerhubForms?: unknown }).partnerhubForms;
});

// Component tests talk to fakes only: a request that reaches the real fetch is a bug in the test or
// the gadget (it would leave this machine), so it fails loudly instead of going anywhere.
globalThis.fetch = (async (input: RequestInfo | URL) => {
  throw new Error(
    `unexpected network request from a component test: ${String(input instanceof Request ? input.url : input)}`,
  );
}) as typeof fetch;
