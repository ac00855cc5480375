/** What the on-demand forms module offers the app: form validation, the OAuth sign-in, and the role views. */
import { createOAuthSignIn } from "../auth/oauth-provider.ts";
import type { FormsModule } from "./load.ts";
import { validateReferral } from "./validate-referral.ts";
import { HubAdmin } from "./views/HubAdmin.tsx";
import { MyClaims } from "./views/MyClaims.tsx";
import { PartnerEditor } from "./views/PartnerEditor.tsx";
import { PartnerTools } from "./views/PartnerTools.tsx";
import { provided } from "./views/provide.tsx";
import { Representatives } from "./views/Representatives.tsx";

export const forms: FormsModule = {
  validateReferral,
  createOAuthSignIn,
  views: {
    claims: provided(MyClaims),
    representatives: provided(Representatives),
    admin: provided(HubAdmin),
    edit: provided(PartnerEditor),
    partnerTools: provided(PartnerTools),
  },
};
