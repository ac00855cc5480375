/** The on-demand editing module (`ext.gadget.partnerhub-edit`): the partner editor and the close/reopen tools. */
import { PartnerEditor } from "../forms/views/PartnerEditor.tsx";
import { PartnerTools } from "../forms/views/PartnerTools.tsx";
import { moduleEnglish } from "./english.ts";
import { registerModule } from "./load.ts";
import { provided } from "./provide.tsx";

registerModule("edit", {
  messages: moduleEnglish(),
  views: { edit: provided(PartnerEditor), partnerTools: provided(PartnerTools) },
});
