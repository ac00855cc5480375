/** The on-demand editing module (`ext.gadget.partnerhub-edit`): the partner editor and the close/reopen tools. */
import { PartnerEditor } from "../forms/views/PartnerEditor.tsx";
import { PartnerTools } from "../forms/views/PartnerTools.tsx";
import { moduleEnglish } from "./english.ts";
import { registerModule } from "./load.ts";
import { FullErrors, provided } from "./provide.tsx";

registerModule("edit", {
  messages: moduleEnglish(),
  errorView: FullErrors,
  views: { edit: provided(PartnerEditor), partnerTools: provided(PartnerTools) },
});
