import { slugify } from '../lib/text/slug';
import { seedArticle } from '../lib/demo/seed-article';

export const seedArticlePath = `/tin-trong-tinh/${slugify(seedArticle.title)}`;
export const seedArticleTitle = seedArticle.title;
export const seedArticleFormerPath = `/tin-trong-tinh/${seedArticle.formerSlugs[0]}`;

/** Sum of layout-shift scores since navigation (CLS without the session windowing). */
export const measureLayoutShift = `new Promise((resolve) => {
  let total = 0;
  new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value; })
    .observe({ type: 'layout-shift', buffered: true });
  setTimeout(() => resolve(total), 1500);
})`;
