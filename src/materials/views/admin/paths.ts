/** Addresses of the materials back office. */
export const adminMaterialPaths = {
  list: (filter: { event?: number; article?: number } = {}) => {
    const query = new URLSearchParams();
    if (filter.event !== undefined) query.set('event', String(filter.event));
    if (filter.article !== undefined) query.set('article', String(filter.article));
    const q = query.toString();
    return q ? `/admin/materials?${q}` : '/admin/materials';
  },
  /** The upload form, with an event or article chosen in advance. */
  create: (owner: { event?: number; article?: number } = {}) => {
    const query = new URLSearchParams();
    if (owner.event !== undefined) query.set('event', String(owner.event));
    if (owner.article !== undefined) query.set('article', String(owner.article));
    const q = query.toString();
    return q ? `/admin/materials/new?${q}` : '/admin/materials/new';
  },
  material: (id: number) => `/admin/materials/${id}`,
  download: (id: number) => `/admin/materials/${id}/file`,
  remove: (id: number) => `/admin/materials/${id}/delete`,
};
