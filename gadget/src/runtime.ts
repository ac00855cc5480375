/**
 * Preact as the browsing bundle loaded it, handed to the on-demand modules: each
 * is built with Preact external (gadget/vite.config.ts), so their views render with the same
 * Preact, hooks and signals as the app. Two copies would break hooks and signal tracking.
 * Only what the modules use is handed over, so the browsing bundle keeps tree-shaking
 * the rest; the end-to-end suite loads both real bundles together.
 */
import { Fragment, createContext, h, isValidElement, options } from "preact";
import { useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState } from "preact/hooks";
import { jsx, jsxDEV, jsxs } from "preact/jsx-runtime";

export const RUNTIME_GLOBAL = "partnerhubRuntime";

export function exposeRuntime(w: Window = window): void {
  (w as unknown as Record<string, unknown>)[RUNTIME_GLOBAL] = {
    preact: { Fragment, createContext, h, isValidElement, options },
    hooks: { useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState },
    // jsxDEV: a build outside production (the local hub's) compiles JSX to preact/jsx-dev-runtime.
    jsx: { Fragment, jsx, jsxDEV, jsxs },
  };
}
