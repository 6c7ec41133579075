/**
 * What materials offers the rest of Tilmeld. Other areas import from here, not
 * from the files behind it.
 */
// The materials of an article (news), of an event's editor (events) and of a participant (self-service).
export { MaterialList } from './views/MaterialList.js';
export { EventMaterialsPanel } from './views/admin/EventMaterialsPanel.js';
export { ParticipantMaterialsSection } from './views/ParticipantMaterials.js';
export { adminMaterialPaths } from './views/admin/paths.js';
// An article's materials, for news when an article is deleted or a material taken off it.
export { deleteMaterialRow, detachFromArticle, materialsOfArticle } from './materials.queries.js';
