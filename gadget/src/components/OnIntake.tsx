/**
 * A view of the on-demand intake module (intake/load.ts), loaded the first time it is shown;
 * until then a loading line, and if it cannot be loaded, the failure in words. A `quiet` part
 * of a view that works without it (the referral form's duplicate check) shows neither.
 */
import type { ComponentChild } from "preact";
import { useEffect, useState } from "preact/hooks";
import { type IntakeModule, loadIntake } from "../intake/load.ts";
import type { AsyncState } from "../state/async.ts";
import { useStore } from "../state/context.ts";
import { ErrorMessage } from "./ErrorMessage.tsx";
import { Message } from "./Message.tsx";

export function OnIntake({
  render,
  quiet = false,
}: {
  render: (intake: IntakeModule) => ComponentChild;
  quiet?: boolean;
}) {
  const store = useStore();
  const [intake, setIntake] = useState<AsyncState<IntakeModule>>({ status: "loading" });
  useEffect(() => {
    loadIntake(store.config.intakeModule, store.host.using).then(
      (value) => setIntake({ status: "ready", value }),
      (error: unknown) => setIntake({ status: "error", error }),
    );
  }, []);
  if (intake.status !== "ready" && quiet) return null;
  if (intake.status === "error") return <ErrorMessage error={intake.error} />;
  if (intake.status !== "ready") return <Message>{store.i18n.t("partnerhub-loading-view")}</Message>;
  return <>{render(intake.value)}</>;
}
