/** The on-demand forms module (`ext.gadget.partnerhub-forms`): the referral form with its validation (zod). */
import { ReferForm } from "../components/ReferForm.tsx";
import { validateReferral } from "../forms/validate-referral.ts";
import { moduleEnglish } from "./english.ts";
import { registerModule } from "./load.ts";
import { provided } from "./provide.tsx";

registerModule("forms", { messages: moduleEnglish(), validateReferral, views: { refer: provided(ReferForm) } });
