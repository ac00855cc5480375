/** LOCAL PREVIEW ONLY: Codex CSS and tokens as the wiki's skin would provide them, the mw stand-in, then the real gadget. */
import "@wikimedia/codex-design-tokens/dist/theme-wikimedia-ui-root.css";
import "./preview.css";
import "./mw-shim.ts";

const params = new URLSearchParams(location.search);
const rtl = ["ar", "he", "fa", "ur"].includes(params.get("lang") ?? "");
const night = params.get("night") === "1";

document.documentElement.lang = params.get("lang") ?? "en";
document.documentElement.dir = rtl ? "rtl" : "ltr";
document.documentElement.classList.replace(
  "skin-theme-clientpref-day",
  night ? "skin-theme-clientpref-night" : "skin-theme-clientpref-os",
);

async function start() {
  await (rtl ? import("@wikimedia/codex/dist/codex.style-rtl.css") : import("@wikimedia/codex/dist/codex.style.css"));
  // Night tokens, as Vector 2022 applies them: forced by the night class, or following the OS.
  const dark = (await import("@wikimedia/codex-design-tokens/dist/theme-wikimedia-ui-mode-dark.css?inline")).default;
  const style = document.createElement("style");
  style.textContent = night ? dark : `@media (prefers-color-scheme: dark) { ${dark} }`;
  document.head.append(style);
  await import("../src/main.tsx");
}
void start();
