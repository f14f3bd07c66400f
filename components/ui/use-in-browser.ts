'use client';
import { useSyncExternalStore } from 'react';

/** A store that never changes: useSyncExternalStore then only tells the server's render from the browser's. */
export const noSubscribe = () => () => undefined;

/**
 * False on the server and while the page hydrates, true once React runs in the browser. Forms disable their fields
 * until then: text typed into server-rendered HTML before hydration would be overwritten by the form's defaults.
 */
export function useInBrowser(): boolean {
  return useSyncExternalStore(noSubscribe, () => true, () => false);
}
