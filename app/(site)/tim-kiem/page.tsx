import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getDb } from '@/lib/db/client';
import { getPublicSections } from '@/lib/sections/public';
import { loadSearchPage, typedSearchParams } from '@/lib/search/search-page';
import { SearchPageBody } from '@/components/site/search-page-body';

export const metadata: Metadata = { title: 'Tìm kiếm', robots: { index: false, follow: true } };

// Every query is different: rendered per request.
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * Search is per query, so it is rendered on each request. In production the server
 * (server.mjs) renders the same body in its search workers instead, inside this page as
 * rendered without a query (lib/server/search-pages.mjs); this page serves the rest: the
 * development server, and any request the workers hand back.
 */
export default async function SearchPage({ searchParams }: Props) {
  const loaded = await loadSearchPage(getDb(), typedSearchParams(await searchParams), getPublicSections());
  if ('redirectTo' in loaded) redirect(loaded.redirectTo);
  return <SearchPageBody {...loaded.content} />;
}
