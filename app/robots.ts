import type { MetadataRoute } from 'next';
import { robotsRules } from '@/lib/seo/robots';
import { siteUrl } from '@/lib/site/config';

// No database here, but the public origin comes from the server's environment
// (SITE_URL), which the build does not know: answer per request.
export const dynamic = 'force-dynamic';

export default function robots(): MetadataRoute.Robots {
  return robotsRules(siteUrl());
}
