/**
 * The on-demand account module (`ext.gadget.partnerhub-account`): what a signed-in user sees
 * beyond browsing: their claims and matches, "For you", and a partner's claims, history and
 * claim dialog; and the backend client (api/backend-kit.ts), which the store loads once a
 * session exists.
 */
import { ForYou } from "../components/ForYou.tsx";
import { MyMatches } from "../components/MyMatches.tsx";
import { PartnerActivity, PartnerHistory } from "../components/PartnerActivity.tsx";
import { MyClaims } from "../forms/views/MyClaims.tsx";
import { backendKit } from "../api/backend-kit.ts";
import { moduleEnglish } from "./english.ts";
import { registerModule } from "./load.ts";
import { FullErrors, provided } from "./provide.tsx";

registerModule("account", {
  messages: moduleEnglish(),
  errorView: FullErrors,
  backend: backendKit,
  views: {
    claims: provided(MyClaims),
    mine: provided(MyMatches),
    foryou: provided(ForYou),
    partnerActivity: provided(PartnerActivity),
    partnerHistory: provided(PartnerHistory),
  },
});
