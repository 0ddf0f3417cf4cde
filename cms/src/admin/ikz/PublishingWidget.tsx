import { Box, Flex, Link, Typography } from '@strapi/design-system';
import { Widget } from '@strapi/strapi/admin';
import { currentDispatchText } from '../../lib/newsletter-texts';
import { publishingText } from '../../lib/publishing-text';
import { useCurrentDispatch } from './use-newsletter';
import { useAdminStatus } from './use-admin-status';

const REFRESH_MS = 15_000;
const TONE_COLOR = {
  success: 'success600',
  warning: 'warning600',
  danger: 'danger600',
  neutral: 'neutral800',
} as const;

/** Home-page widget: which version of the site is live, how the last build went, and the way to the status page. */
export function PublishingWidget() {
  const { status, failed } = useAdminStatus(REFRESH_MS);
  const dispatch = useCurrentDispatch();
  const sending = dispatch && (
    <Typography variant="omega" textColor={dispatch.state === 'done' ? 'neutral800' : 'primary600'}>
      {currentDispatchText(dispatch)}
    </Typography>
  );
  if (!status)
    return failed ? (
      <Widget.Error>Der Veröffentlichungsstatus konnte nicht geladen werden.</Widget.Error>
    ) : (
      <Widget.Loading>Status wird geladen …</Widget.Loading>
    );
  const links = (
    <Flex gap={4} wrap="wrap">
      <Link href={status.statusPageUrl} isExternal>
        Statusseite öffnen
      </Link>
      <Link href={status.siteUrl} isExternal>
        Website öffnen
      </Link>
    </Flex>
  );
  if (!status.publisher) {
    return (
      <Flex direction="column" alignItems="flex-start" gap={3}>
        <Typography variant="omega" fontWeight="bold">
          Der Veröffentlichungsstatus ist nicht verfügbar.
        </Typography>
        <Typography variant="omega" textColor="neutral600">
          {status.publisherUnavailable}
        </Typography>
        {sending}
        {links}
      </Flex>
    );
  }
  const text = publishingText(status.publisher);
  return (
    <Flex direction="column" alignItems="flex-start" gap={3}>
      <Typography variant="omega" fontWeight="bold" textColor={TONE_COLOR[text.tone]}>
        {text.state}
      </Typography>
      <Typography variant="omega">{text.live}</Typography>
      {text.lastBuild && <Typography variant="omega">{text.lastBuild}</Typography>}
      {text.error && (
        <Box padding={3} background="danger100" hasRadius width="100%">
          <Typography variant="omega" textColor="danger700">
            {text.error}
          </Typography>
        </Box>
      )}
      {sending}
      {links}
    </Flex>
  );
}
