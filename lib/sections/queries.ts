import type { DB } from '../db/client';

export type Section = { id: number; name: string; slug: string; description: string | null };

export async function listSections(db: DB): Promise<Section[]> {
  return db.selectFrom('sections').select(['id', 'name', 'slug', 'description']).orderBy('position').orderBy('id').execute();
}

export async function getSectionBySlug(db: DB, slug: string): Promise<Section | null> {
  const row = await db.selectFrom('sections').select(['id', 'name', 'slug', 'description']).where('slug', '=', slug).executeTakeFirst();
  return row ?? null;
}
