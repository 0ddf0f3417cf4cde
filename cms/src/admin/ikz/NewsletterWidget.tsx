import { useState } from 'react';
import { Button, Flex, Link, Typography } from '@strapi/design-system';
import { Widget, useAuth } from '@strapi/strapi/admin';
import { summaryLines } from '../../lib/newsletter-texts';
import { SUBSCRIBER_EXPORT_PATH, useSubscriberSummary } from './use-newsletter';

const SUPER_ADMIN = 'strapi-super-admin';

/** The export is an admin API route (it needs the admin's token), so it is fetched and then saved as a file. */
async function download(token: string | null, failed: (value: boolean) => void): Promise<void> {
  failed(false);
  const response = await fetch(SUBSCRIBER_EXPORT_PATH, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  }).catch(() => null);
  if (!response?.ok) return failed(true);
  const name =
    /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? 'newsletter-abonnements.csv';
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/** Home-page widget: how many subscribers the newsletter has by state; administrators may export the addresses. */
export function NewsletterWidget() {
  const { data, failed } = useSubscriberSummary();
  const roles = useAuth('NewsletterWidget', (state) => (state.user?.roles ?? []) as { code: string }[]);
  const token = useAuth('NewsletterWidget', (state) => state.token);
  const [exportFailed, setExportFailed] = useState(false);
  if (!data)
    return failed ? (
      <Widget.Error>Die Zahlen der Abonnements konnten nicht geladen werden.</Widget.Error>
    ) : (
      <Widget.Loading>Wird geladen …</Widget.Loading>
    );
  const isAdmin = roles.some((role) => role.code === SUPER_ADMIN);
  return (
    <Flex direction="column" alignItems="flex-start" gap={2}>
      {summaryLines(data).map((line) => (
        <Typography key={line} variant="omega">
          {line}
        </Typography>
      ))}
      <Flex gap={4} wrap="wrap">
        <Link href="/admin/content-manager/collection-types/api::newsletter-subscriber.newsletter-subscriber">
          Abonnements ansehen
        </Link>
        {isAdmin && (
          <Button variant="tertiary" size="S" onClick={() => void download(token, setExportFailed)}>
            Adressen exportieren (CSV)
          </Button>
        )}
      </Flex>
      {exportFailed && (
        <Typography variant="pi" textColor="danger600" role="alert">
          Der Export ist fehlgeschlagen.
        </Typography>
      )}
    </Flex>
  );
}
