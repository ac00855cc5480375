/** The on-demand sign-in module (`ext.gadget.partnerhub-signin`): the consent step and Wikimedia OAuth 2 (oauth4webapi). */
import { createOAuthSignIn } from "../auth/oauth-provider.ts";
import { ConsentStep } from "../components/ConsentDialog.tsx";
import { moduleEnglish } from "./english.ts";
import { registerModule } from "./load.ts";
import { provided } from "./provide.tsx";

registerModule("signin", { messages: moduleEnglish(), createOAuthSignIn, views: { consent: provided(ConsentStep) } });
