import type { ComponentProps, ComponentType } from 'react';
import { readerIslands, type IslandName } from './islands';

type IslandProps<N extends IslandName> = ComponentProps<(typeof readerIslands)[N]> & object;

/**
 * One interactive part of a reader page (see ./islands.ts): the component
 * rendered on the server inside a wrapper that names it and carries its props,
 * so the islands script can hydrate it without the rest of the page. The
 * wrapper takes no box of its own (`display: contents`).
 */
export function Island<N extends IslandName>({ name, props }: { name: N; props: IslandProps<N> }) {
  const Component = readerIslands[name] as ComponentType<object>;
  const hasProps = Object.keys(props).length > 0;
  return (
    <div data-island={name} data-island-props={hasProps ? JSON.stringify(props) : undefined} className="contents">
      <Component {...props} />
    </div>
  );
}
