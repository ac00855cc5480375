/** Entry of the on-demand forms module (`ext.gadget.partnerhub-forms`): registers itself on `window`. */
import { createOAuthSignIn } from "../auth/oauth-provider.ts";
import { validateReferral } from "./validate-referral.ts";
import type { FormsModule } from "./load.ts";

const forms: FormsModule = { validateReferral, createOAuthSignIn };
(window as unknown as { partnerhubForms: FormsModule }).partnerhubForms = forms;
