import type { DB } from '../db/client';

export type Section = { id: number; name: string; slug: string; description: string | null; position: number };

export async function listSections(db: DB): Promise<Section[]> {
  return db.selectFrom('sections').select(['id', 'name', 'slug', 'description', 'position']).orderBy('position').orderBy('id').execute();
}

export async function getSectionBySlug(db: DB, slug: string): Promise<Section | null> {
  const row = await db.selectFrom('sections').select(['id', 'name', 'slug', 'description', 'position']).where('slug', '=', slug).executeTakeFirst();
  return row ?? null;
}
