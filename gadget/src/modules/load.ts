/**
 * The gadget's on-demand modules, as the browsing bundle sees them: each is a hidden gadget
 * (`ext.gadget.partnerhub-<name>`, built by gadget/vite.config.ts from `modules/<name>.ts`) that
 * registers itself on `window` when ResourceLoader runs it. Browsing downloads none of them; a
 * view that lives in one loads it the first time it is shown, and the controls that open them
 * fetch it ahead on hover or focus (`prefetchModule`), so that the wait is the network's at most.
 */
import type { ComponentType } from "preact";
import type { createOAuthSignIn } from "../auth/oauth-provider.ts";
import type { ReferralCheck } from "../forms/validate-referral.ts";
import type { IntakeParts } from "../intake/parts.ts";
import type { Store } from "../state/store.ts";

/** Which module holds each on-demand view. */
export const VIEW_MODULE = {
  consent: "signin",
  refer: "forms",
  review: "coordinator",
  representatives: "coordinator",
  admin: "coordinator",
  edit: "edit",
  partnerTools: "edit",
  claims: "account",
  mine: "account",
  foryou: "account",
  partnerActivity: "account",
  partnerHistory: "account",
  import: "intake",
} as const;

export type OnDemandView = keyof typeof VIEW_MODULE;
export type ModuleName = (typeof VIEW_MODULE)[OnDemandView];

/** A view in a module gets the app's store as a prop: context objects do not cross bundles. */
export interface ModuleViewProps {
  store: Store;
  /** The partner, for the views about one. */
  partner: string | null;
  /** The consent step of signing in (the sign-in button keeps the state, the dialog is the module's). */
  consent?: ConsentProps;
}

export interface ConsentProps {
  busy: boolean;
  error: unknown;
  onCancel: () => void;
  onContinue: (username?: string) => void;
}

export interface OnDemandModule {
  /** The module's English messages (its catalogue keys the browsing bundle does not carry). */
  messages: Readonly<Record<string, string>>;
  views?: Partial<Record<OnDemandView, ComponentType<ModuleViewProps>>>;
  validateReferral?: (input: unknown) => ReferralCheck;
  /** The Wikimedia OAuth 2 sign-in provider (auth/oauth-hookup.ts registers it). */
  createOAuthSignIn?: typeof createOAuthSignIn;
  /** The intake module's parts that other views place inside themselves (intake/parts.ts). */
  intake?: IntakeParts;
}

const REGISTRY = "partnerhubModules";
type WithModules = { [REGISTRY]?: Partial<Record<ModuleName, OnDemandModule>> };

/** The ResourceLoader name of module `name`. */
export const moduleTitle = (name: ModuleName) => `ext.gadget.partnerhub-${name}`;

/** Called by each module's own code when it runs. */
export function registerModule(name: ModuleName, module: OnDemandModule): void {
  const w = window as unknown as WithModules;
  w[REGISTRY] = { ...w[REGISTRY], [name]: module };
}

const registered = (name: ModuleName) => (window as unknown as WithModules)[REGISTRY]?.[name];

/** Load module `name` (once) and register its English messages. */
export async function loadModule(store: Pick<Store, "host" | "i18n">, name: ModuleName): Promise<OnDemandModule> {
  if (!registered(name)) await store.host.using(moduleTitle(name));
  const module = registered(name);
  if (!module) throw new Error(`${moduleTitle(name)} did not register`);
  store.i18n.add(module.messages);
  return module;
}

/** Start loading module `name` ahead of use (hover, focus, idle); failures are left for the real use to report. */
export function prefetchModule(store: Pick<Store, "host">, name: ModuleName): void {
  if (!registered(name)) Promise.resolve(store.host.using(moduleTitle(name))).catch(() => undefined);
}
