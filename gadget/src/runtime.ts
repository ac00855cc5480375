/**
 * Preact as the browsing bundle loaded it, handed to the on-demand forms module: that module
 * is built with Preact external (gadget/vite.config.ts), so its views render with the same
 * Preact, hooks and signals as the app. Two copies would break hooks and signal tracking.
 * Only what the forms module uses is handed over, so the browsing bundle keeps tree-shaking
 * the rest; the end-to-end suite loads both real bundles together.
 */
import { Fragment, createContext, h } from "preact";
import { useCallback, useContext, useEffect, useMemo, useRef, useState } from "preact/hooks";
import { jsx, jsxs } from "preact/jsx-runtime";

export const RUNTIME_GLOBAL = "partnerhubRuntime";

export function exposeRuntime(w: Window = window): void {
  (w as unknown as Record<string, unknown>)[RUNTIME_GLOBAL] = {
    preact: { Fragment, createContext, h },
    hooks: { useCallback, useContext, useEffect, useMemo, useRef, useState },
    jsx: { Fragment, jsx, jsxs },
  };
}
