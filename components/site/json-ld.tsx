import { serializeJsonLd } from '@/lib/seo/json-ld';

/**
 * Structured data for search engines. The JSON is escaped for HTML
 * (serializeJsonLd), so no text inside it can close the script element.
 */
export function JsonLd({ data }: { data: Record<string, unknown> }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
