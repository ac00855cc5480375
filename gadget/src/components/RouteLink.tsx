/**
 * A link to a view of the app: a real `href` (the route in the URL fragment, so it opens in a
 * new tab and reads as a link), followed in place on a plain click.
 */
import type { ComponentChildren } from "preact";
import { formatRoute, type Route } from "../directory/query.ts";
import { useStore } from "../state/context.ts";

export function RouteLink({
  to,
  class: cls,
  children,
}: {
  to: Partial<Omit<Route, "query">>;
  class?: string;
  children: ComponentChildren;
}) {
  const store = useStore();
  const next = { ...store.route.value, partner: null, ...to };
  return (
    <a
      class={cls}
      href={formatRoute(next)}
      onClick={(e) => {
        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        store.navigate(to);
      }}
    >
      {children}
    </a>
  );
}
