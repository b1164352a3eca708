import { SectionListing, sectionMetadata } from '@/components/site/section-listing';

// Rendered on first request, then cached; `?page=N` is rewritten to ./trang/[page].
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ section: string }> };

export async function generateMetadata({ params }: Props) {
  return sectionMetadata((await params).section, 1);
}

export default async function SectionPage({ params }: Props) {
  return <SectionListing sectionSlug={(await params).section} page={1} />;
}
