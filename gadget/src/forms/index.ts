/** Entry of the on-demand forms module (`ext.gadget.partnerhub-forms`): registers itself on `window`. */
import { forms } from "./module.ts";

(window as unknown as { partnerhubForms: typeof forms }).partnerhubForms = forms;
