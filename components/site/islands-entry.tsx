/**
 * The only script a reader page loads in production (bundled by
 * scripts/build-islands.mjs, put in the page by lib/server/islands.mjs):
 * hydrates each <Island> with its own React root.
 */
import { createElement, type ComponentType } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { readerIslands, type IslandName } from './islands';

for (const element of document.querySelectorAll<HTMLElement>('[data-island]')) {
  const Component = readerIslands[element.dataset.island as IslandName] as ComponentType<object> | undefined;
  if (!Component) continue;
  const props: object = element.dataset.islandProps ? JSON.parse(element.dataset.islandProps) : {};
  hydrateRoot(element, createElement(Component, props));
}
