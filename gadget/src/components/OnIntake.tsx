/**
 * A part of the on-demand intake module (intake/parts.ts) inside another view, loaded the first
 * time it is shown; until then a loading line, and if it cannot be loaded, the failure in words.
 * A `quiet` part of a view that works without it (the referral form's duplicate check and
 * Wikidata look-up) shows neither.
 */
import type { ComponentChild } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { IntakeParts } from "../intake/parts.ts";
import { loadModule } from "../modules/load.ts";
import type { AsyncState } from "../state/async.ts";
import { useStore } from "../state/context.ts";
import { ErrorMessage } from "./ErrorMessage.tsx";
import { Message } from "./Message.tsx";

export function OnIntake({
  render,
  quiet = false,
}: {
  render: (parts: IntakeParts) => ComponentChild;
  quiet?: boolean;
}) {
  const store = useStore();
  const [parts, setParts] = useState<AsyncState<IntakeParts>>({ status: "loading" });
  useEffect(() => {
    loadModule(store, "intake").then(
      (m) => (m.intake ? setParts({ status: "ready", value: m.intake }) : setParts({ status: "error", error: null })),
      (error: unknown) => setParts({ status: "error", error }),
    );
  }, []);
  if (parts.status !== "ready" && quiet) return null;
  if (parts.status === "error") return <ErrorMessage error={parts.error} />;
  if (parts.status !== "ready") return <Message>{store.i18n.t("partnerhub-loading-view")}</Message>;
  return <>{render(parts.value)}</>;
}
