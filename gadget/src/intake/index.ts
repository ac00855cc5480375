/** Entry of the on-demand intake module (`ext.gadget.partnerhub-intake`): registers itself on `window`. */
import { intake } from "./module.tsx";

(window as unknown as { partnerhubIntake: typeof intake }).partnerhubIntake = intake;
