import { ArticleRating } from './article-rating';
import { ContrastToggle } from './contrast-toggle';
import { MenuDismiss } from './menu-dismiss';
import { PrintButton } from './print-button';
import { ShareButtons } from './share-buttons';
import { TextSizeControl } from './text-size-control';
import { ViewBeacon } from './view-beacon';

/**
 * Every client component a reader page has, by name. Reader pages are
 * documents, not an app: in production they do not load Next.js's client
 * router or the page's React payload, only components/site/islands-entry.tsx,
 * which hydrates each <Island> on its own from the props written beside it
 * (see lib/server/islands.mjs). A client component used on a reader page
 * outside an <Island> would stay inert there, and an island cannot use
 * Next.js's client APIs (next/navigation, next/link, next/image): there is no
 * Next.js in the browser to answer them. Props must survive JSON.
 */
export const readerIslands = { ArticleRating, ContrastToggle, MenuDismiss, PrintButton, ShareButtons, TextSizeControl, ViewBeacon };

export type IslandName = keyof typeof readerIslands;
