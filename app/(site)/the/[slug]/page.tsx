import { Listing, metadataFor } from './listing';

// Rendered on first request and cached like every public page; refreshed by the article-list tag.
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props) {
  return metadataFor((await params).slug, 1);
}

export default async function Page({ params }: Props) {
  return <Listing slug={(await params).slug} page={1} />;
}
