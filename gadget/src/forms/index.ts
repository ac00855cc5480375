/** Entry of the on-demand forms module (`ext.gadget.partnerhub-forms`): registers itself on `window`. */
import { validateReferral } from "./validate-referral.ts";
import type { FormsModule } from "./load.ts";

const forms: FormsModule = { validateReferral };
(window as unknown as { partnerhubForms: FormsModule }).partnerhubForms = forms;
