import { notFound } from 'next/navigation';
import { Listing, metadataFor } from '../../listing';

export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string; page: string }> };

function pageNumber(raw: string): number {
  if (!/^\d{1,6}$/.test(raw) || Number(raw) < 1) notFound();
  return Number(raw);
}

export async function generateMetadata({ params }: Props) {
  const { slug, page } = await params;
  return metadataFor(slug, pageNumber(page));
}

export default async function Page({ params }: Props) {
  const { slug, page } = await params;
  return <Listing slug={slug} page={pageNumber(page)} />;
}
