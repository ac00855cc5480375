/**
 * The on-demand partner module (`ext.gadget.partnerhub-partner`): one partner's page (its facts,
 * who is interested, the affiliates that fit). Browsing draws the directory first; the partner
 * page is fetched when a row is hovered or focused, when the browser is idle after the first
 * paint, or at once when the address names a partner.
 */
import { PartnerPage } from "../components/PartnerView.tsx";
import { moduleEnglish } from "./english.ts";
import { registerModule } from "./load.ts";
import { FullErrors, provided } from "./provide.tsx";

registerModule("partner", {
  messages: moduleEnglish(),
  errorView: FullErrors,
  views: { partner: provided(PartnerPage) },
});
