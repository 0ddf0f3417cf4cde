import { CONTENT_TYPES, type ContentTypeName } from './generated.ts';

/** The content type behind a Strapi uid ("api::project.project"), if it is one of ours. */
export function typeOfUid(uid: string): ContentTypeName | null {
  const found = Object.entries(CONTENT_TYPES).find(([, t]) => t.uid === uid);
  return found ? (found[0] as ContentTypeName) : null;
}
