import type { Core } from '@strapi/strapi';
import { applyLayout, COMPONENT_LAYOUTS, CONTENT_TYPE_LAYOUTS } from '../lib/admin-layout.ts';

/** Writes German labels, field help and list columns into the content-manager configuration. */
export async function applyAdminLayouts(strapi: Core.Strapi): Promise<void> {
  const cm = strapi.plugin('content-manager');
  const contentTypes = cm.service('content-types') as any;
  const components = cm.service('components') as any;
  for (const [uid, layout] of Object.entries(CONTENT_TYPE_LAYOUTS)) {
    const model = strapi.contentTypes[uid as keyof typeof strapi.contentTypes];
    if (!model) continue;
    const { uid: _uid, ...config } = await contentTypes.findConfiguration(model);
    await contentTypes.updateConfiguration(model, applyLayout(config, layout));
  }
  for (const [uid, layout] of Object.entries(COMPONENT_LAYOUTS)) {
    const model = strapi.components[uid as keyof typeof strapi.components];
    if (!model) continue;
    const { uid: _uid, category: _c, ...config } = await components.findConfiguration(model);
    await components.updateConfiguration(model, applyLayout(config, layout));
  }
}
