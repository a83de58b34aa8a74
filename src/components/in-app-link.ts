import type { MouseEvent } from 'react';

/**
 * Large lists (table rows, chart cells) link with plain `<a href>`s and route them with ONE click
 * handler on their container, instead of a router `<Link>` per element (each costs hooks and a
 * location subscription). This reads such a click: the link and the in-app address it opens, or
 * null when the browser should handle it (no link, or a modified click for a new tab or window).
 */
export function inAppLinkClick(event: MouseEvent<HTMLElement>): { link: HTMLAnchorElement; to: string } | null {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const link = (event.target as HTMLElement).closest<HTMLAnchorElement>('a[href]');
  if (!link || !event.currentTarget.contains(link)) return null;
  const url = new URL(link.href);
  if (url.origin !== window.location.origin) return null;
  return { link, to: `${url.pathname}${url.search}` };
}
