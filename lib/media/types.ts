export type MediaSummary = {
  id: number;
  url: string;
  alt: string;
  caption: string | null;
  credit: string | null;
  width: number;
  height: number;
};
