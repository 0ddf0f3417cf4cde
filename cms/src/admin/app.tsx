import type { StrapiApp } from '@strapi/strapi/admin';
import { Earth, Mail } from '@strapi/icons';
import { enumLabelDe, hasEnumLabels } from '../lib/admin-enum-labels';
import { ADMIN_TRANSLATIONS_DE } from '../lib/admin-translations';
import { installGermanGrouping } from '../lib/german-numbers';
import { NewsletterSendPanel } from './ikz/NewsletterSendPanel';
import { ReportFilesPanel } from './ikz/ReportFilesPanel';
import { SiteLinkPanel } from './ikz/SiteLinkPanel';

// Before the admin formats its first number: a year reads 2026, not 2.026 (see lib/german-numbers.ts).
installGermanGrouping();

const LANGUAGE_KEY = 'strapi-admin-language';

export default {
  config: {
    locales: ['de'],
    tutorials: false,
    notifications: { releases: false },
    translations: { de: ADMIN_TRANSLATIONS_DE },
  },
  register(app: StrapiApp) {
    // Editors work in German: make it the default until someone picks another language.
    if (typeof window !== 'undefined' && !window.localStorage.getItem(LANGUAGE_KEY)) {
      window.localStorage.setItem(LANGUAGE_KEY, 'de');
    }
    // First on the home page: editors look there for whether their change is live.
    app.widgets.register((widgets) => [
      {
        id: 'ikz-publishing',
        icon: Earth,
        title: { id: 'ikz.widget.publishing.title', defaultMessage: 'Veröffentlichung' },
        component: async () => (await import('./ikz/PublishingWidget')).PublishingWidget,
      },
      {
        id: 'ikz-newsletter',
        icon: Mail,
        title: { id: 'ikz.widget.newsletter.title', defaultMessage: 'Newsletter-Abonnements' },
        component: async () => (await import('./ikz/NewsletterWidget')).NewsletterWidget,
      },
      ...widgets,
    ]);
  },
  bootstrap(app: StrapiApp) {
    // The newsletter's internal states are stored in English; the list view names them in German.
    type Header = { name: string; attribute?: { type?: string }; cellFormatter?: unknown };
    app.registerHook(
      'Admin/CM/pages/ListView/inject-column-in-table',
      ({ displayedHeaders, layout }: { displayedHeaders: Header[]; layout: unknown }) => ({
        layout,
        displayedHeaders: displayedHeaders.map((header) =>
          header.attribute?.type === 'enumeration' && hasEnumLabels(header.name)
            ? {
                ...header,
                cellFormatter: (row: Record<string, unknown>, _h: unknown, { model }: { model: string }) =>
                  enumLabelDe(model, header.name, row[header.name]) ?? (row[header.name] as string | null) ?? '-',
              }
            : header,
        ),
      }),
    );
    const contentManager = app.getPlugin('content-manager').apis as { addEditViewSidePanel(panels: unknown[]): void };
    contentManager.addEditViewSidePanel([SiteLinkPanel, NewsletterSendPanel, ReportFilesPanel]);
  },
};
