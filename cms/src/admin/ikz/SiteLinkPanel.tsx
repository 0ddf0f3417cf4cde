import { useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { Flex, LinkButton, Typography } from '@strapi/design-system';
import { ExternalLink } from '@strapi/icons';
import { entryTypeOf, publicEntryUrl } from '../../lib/admin-links';
import { useAdminStatus } from './use-admin-status';

/** What the content manager passes to an edit-view side panel (see PanelComponentProps in @strapi/content-manager). */
interface PanelProps {
  activeTab: 'draft' | 'published' | null;
  collectionType: string;
  model: string;
  documentId?: string;
  document?: { publishedAt?: string | null; slug?: unknown; status?: string } & Record<string, unknown>;
  meta?: { availableStatus?: { publishedAt?: string | null }[] };
}

/**
 * The slug of the entry's published version: the document's own when it is the published one (or its type
 * has no drafts), otherwise read from the published version, whose slug may differ from the draft's.
 */
function usePublishedSlug({ model, collectionType, documentId, document, meta }: PanelProps): string | null {
  const { get } = useFetchClient();
  const ownSlug = document?.publishedAt && typeof document.slug === 'string' ? document.slug : null;
  const publishedAt = ownSlug ? null : (meta?.availableStatus?.find((v) => v.publishedAt)?.publishedAt ?? null);
  const [fetched, setFetched] = useState<string | null>(null);
  useEffect(() => {
    setFetched(null);
    if (!publishedAt || !documentId) return;
    let active = true;
    get<{ data?: { slug?: unknown } }>(`/content-manager/${collectionType}/${model}/${documentId}`, {
      params: { status: 'published' },
    }).then(
      ({ data }) => active && setFetched(typeof data.data?.slug === 'string' ? data.data.slug : null),
      () => undefined,
    );
    return () => {
      active = false;
    };
  }, [get, collectionType, model, documentId, publishedAt]);
  return ownSlug ?? fetched;
}

/** Side panel of the edit view: "Auf der Website ansehen" for an entry that is published. */
export function SiteLinkPanel(props: PanelProps) {
  const { status } = useAdminStatus();
  const slug = usePublishedSlug(props);
  const url = status && entryTypeOf(props.model) ? publicEntryUrl(status.siteUrl, props.model, slug) : null;
  if (!url) return null;
  const modified = props.document?.status === 'modified';
  return {
    title: 'Website',
    content: (
      <Flex direction="column" alignItems="stretch" gap={2} width="100%">
        <LinkButton
          href={url}
          target="_blank"
          rel="noopener noreferrer"
          variant="secondary"
          fullWidth
          endIcon={<ExternalLink aria-hidden />}
        >
          Auf der Website ansehen
        </LinkButton>
        <Typography variant="pi" textColor="neutral600">
          {modified
            ? 'Die Website zeigt die zuletzt veröffentlichte Fassung; die Änderungen erscheinen nach dem Veröffentlichen.'
            : 'Öffnet die veröffentlichte Seite in einem neuen Tab.'}
        </Typography>
      </Flex>
    ),
  };
}
