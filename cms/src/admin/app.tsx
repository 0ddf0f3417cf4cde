import type { StrapiApp } from '@strapi/strapi/admin';

const LANGUAGE_KEY = 'strapi-admin-language';

export default {
  config: {
    locales: ['de'],
    tutorials: false,
    notifications: { releases: false },
  },
  register(_app: StrapiApp) {
    // Editors work in German: make it the default until someone picks another language.
    if (typeof window !== 'undefined' && !window.localStorage.getItem(LANGUAGE_KEY)) {
      window.localStorage.setItem(LANGUAGE_KEY, 'de');
    }
  },
  bootstrap(_app: StrapiApp) {},
};
