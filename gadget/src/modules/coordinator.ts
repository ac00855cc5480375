/** The on-demand coordinator module (`ext.gadget.partnerhub-coordinator`): the review and representative queues, the hub's admin. */
import { ReviewQueue } from "../components/ReviewQueue.tsx";
import { HubAdmin } from "../forms/views/HubAdmin.tsx";
import { Representatives } from "../forms/views/Representatives.tsx";
import { moduleEnglish } from "./english.ts";
import { registerModule } from "./load.ts";
import { provided } from "./provide.tsx";

registerModule("coordinator", {
  messages: moduleEnglish(),
  views: { review: provided(ReviewQueue), representatives: provided(Representatives), admin: provided(HubAdmin) },
});
