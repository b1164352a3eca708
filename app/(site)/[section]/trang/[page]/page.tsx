import { parsePageNumber, SectionListing, sectionMetadata } from '@/components/site/section-listing';

// Target of the `/{section}?page=N` rewrite in next.config.ts: a path segment
// instead of a query string keeps every page cacheable.
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ section: string; page: string }> };

export async function generateMetadata({ params }: Props) {
  const { section, page } = await params;
  return sectionMetadata(section, parsePageNumber(page));
}

export default async function SectionPageN({ params }: Props) {
  const { section, page } = await params;
  return <SectionListing sectionSlug={section} page={parsePageNumber(page)} />;
}
