/**
 * The on-demand account module (`ext.gadget.partnerhub-account`): what a signed-in user sees
 * beyond browsing: their claims and matches, "For you", and a partner's claims, history and
 * claim dialog.
 */
import { ForYou } from "../components/ForYou.tsx";
import { MyMatches } from "../components/MyMatches.tsx";
import { PartnerActivity, PartnerHistory } from "../components/PartnerActivity.tsx";
import { MyClaims } from "../forms/views/MyClaims.tsx";
import { moduleEnglish } from "./english.ts";
import { registerModule } from "./load.ts";
import { provided } from "./provide.tsx";

registerModule("account", {
  messages: moduleEnglish(),
  views: {
    claims: provided(MyClaims),
    mine: provided(MyMatches),
    foryou: provided(ForYou),
    partnerActivity: provided(PartnerActivity),
    partnerHistory: provided(PartnerHistory),
  },
});
