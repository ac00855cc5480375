/** The on-demand sign-in module (`ext.gadget.partnerhub-signin`): the consent step and Wikimedia OAuth 2 (oauth4webapi). */
import { pageOAuthSignIn, resumeAndNotify } from "../auth/oauth-page.ts";
import { ConsentStep } from "../components/ConsentDialog.tsx";
import { moduleEnglish } from "./english.ts";
import { registerModule } from "./load.ts";
import { FullErrors, provided } from "./provide.tsx";

registerModule("signin", {
  messages: moduleEnglish(),
  errorView: FullErrors,
  oauthSignIn: pageOAuthSignIn,
  resumeSignIn: resumeAndNotify,
  views: { consent: provided(ConsentStep) },
});
