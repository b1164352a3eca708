import type { DB } from '../db/client';
import { mediaUrl } from './url';
import type { MediaSummary } from './types';

const summaryColumns = ['id', 'file_name', 'alt', 'caption', 'credit', 'width', 'height'] as const;

type SummaryRow = { id: number; file_name: string; alt: string; caption: string | null; credit: string | null; width: number; height: number };

export function toMediaSummary(row: SummaryRow): MediaSummary {
  return { id: row.id, url: mediaUrl(row.id, row.file_name), alt: row.alt, caption: row.caption, credit: row.credit, width: row.width, height: row.height };
}

export async function getMediaSummaries(db: DB, ids: number[]): Promise<Record<number, MediaSummary>> {
  if (ids.length === 0) return {};
  const rows = await db.selectFrom('media').select(summaryColumns).where('id', 'in', ids).execute();
  return Object.fromEntries(rows.map((row) => [row.id, toMediaSummary(row)]));
}

/** The bytes of one image, for the media route; null when the id or the name does not match. */
export async function getMediaFile(db: DB, id: number, fileName: string) {
  const row = await db
    .selectFrom('media')
    .select(['data', 'mime_type', 'file_name', 'byte_size'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row || row.file_name !== fileName) return null;
  return { data: row.data, mimeType: row.mime_type, byteSize: row.byte_size };
}
