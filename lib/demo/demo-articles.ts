import { articlesPart1 } from './demo-articles-1';
import { articlesPart2 } from './demo-articles-2';
import { articlesPart3 } from './demo-articles-3';

export type DemoArticle = {
  section: 'tin-trong-tinh' | 'kinh-te' | 'van-hoa-xa-hoi' | 'giao-duc' | 'the-thao' | 'du-lich';
  title: string;
  lead: string;
  paragraphs: string[];
  /** Figure 1 follows the first paragraph, figure 2 the third. */
  photoCaptions: string[];
  byline: string;
  /** Vietnam local time, "YYYY-MM-DD HH:mm". */
  publishedAt: string;
  tags: string[];
};

export const demoArticles: DemoArticle[] = [...articlesPart1, ...articlesPart2, ...articlesPart3];
