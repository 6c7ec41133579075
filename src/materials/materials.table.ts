import type { Generated } from 'kysely';

export const MATERIAL_VISIBILITIES = ['public', 'participants', 'after_event'] as const;
export type MaterialVisibility = (typeof MATERIAL_VISIBILITIES)[number];

/** An uploaded file; the bytes live under DATA_DIR/files/{storage_key}. */
export interface MaterialsTable {
  id: Generated<number>;
  storage_key: string;
  title: string;
  filename: string;
  content_type: string;
  size_bytes: number;
  visibility: MaterialVisibility;
  event_id: number | null;
  article_id: number | null;
  created_at: string;
}

export interface MaterialsTables {
  materials: MaterialsTable;
}
