import { useState, type KeyboardEvent } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { Box, Button, Dialog, Field, Flex, ProgressBar, TextInput, Typography } from '@strapi/design-system';
import { Mail } from '@strapi/icons';
import { confirmText, progressText, recipientsText, type IssueDispatch } from '../../lib/newsletter-texts';
import { errorMessage, issueDispatchPath, issueTestPath, useIssueDispatch } from './use-newsletter';

const NEWSLETTER_UID = 'api::newsletter.newsletter';
const TONE_COLOR = { success: 'success600', warning: 'warning600', neutral: 'neutral800' } as const;

interface PanelProps {
  model: string;
  documentId?: string;
  document?: { publishedAt?: string | null; title?: unknown } & Record<string, unknown>;
  meta?: { availableStatus?: { publishedAt?: string | null }[] };
}

type Notice = { tone: 'success' | 'danger'; text: string } | null;

function NoticeBox({ notice }: { notice: Notice }) {
  if (!notice) return null;
  return (
    <Box
      padding={3}
      background={notice.tone === 'success' ? 'success100' : 'danger100'}
      hasRadius
      width="100%"
      role={notice.tone === 'success' ? 'status' : 'alert'}
    >
      <Typography variant="omega" textColor={notice.tone === 'success' ? 'success700' : 'danger700'}>
        {notice.text}
      </Typography>
    </Box>
  );
}

function TestSend({ documentId }: { documentId: string }) {
  const { post } = useFetchClient();
  const [to, setTo] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  // Not a <form>: the panel sits inside the content manager's own form, and a nested form's submit never
  // reaches its handler there.
  const submit = async () => {
    if (busy) return;
    if (!to.trim()) {
      setNotice({ tone: 'danger', text: 'Bitte geben Sie eine Testadresse an.' });
      return;
    }
    setBusy(true);
    setNotice(null);
    try {
      await post(issueTestPath(documentId), { to });
      setNotice({ tone: 'success', text: `Testversand an ${to} verschickt.` });
    } catch (error) {
      setNotice({ tone: 'danger', text: errorMessage(error, 'Der Testversand ist fehlgeschlagen.') });
    } finally {
      setBusy(false);
    }
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void submit();
  };
  return (
    <Box width="100%">
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Field.Root name="ikz-test-address" hint="Die Ausgabe geht zuerst an diese Adresse, mit „[Test]“ im Betreff.">
          <Field.Label>Testadresse</Field.Label>
          <TextInput
            type="email"
            autoComplete="email"
            value={to}
            onChange={(e: { target: { value: string } }) => setTo(e.target.value)}
            onKeyDown={onKeyDown}
          />
          <Field.Hint />
        </Field.Root>
        <Button type="button" variant="secondary" loading={busy} fullWidth onClick={() => void submit()}>
          Testversand
        </Button>
        <NoticeBox notice={notice} />
      </Flex>
    </Box>
  );
}

/** The running or finished send: headline, progress bar and counts. */
function DispatchProgress({ dispatch }: { dispatch: IssueDispatch }) {
  const text = progressText(dispatch);
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Typography variant="omega" fontWeight="bold" textColor={TONE_COLOR[text.tone]}>
        {text.headline}
      </Typography>
      <ProgressBar value={text.percent} aria-label={`Versandfortschritt: ${text.percent} Prozent`} />
      <Typography variant="pi">{text.detail}</Typography>
    </Flex>
  );
}

interface SendControlsProps {
  documentId: string;
  title: string;
  recipients: number;
  confirming: boolean;
  onConfirmingChange: (open: boolean) => void;
  onSend: () => void;
}

/** A published issue not sent yet: the test send, and the send to all behind a confirmation dialog. */
function SendControls({ documentId, title, recipients, confirming, onConfirmingChange, onSend }: SendControlsProps) {
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <TestSend documentId={documentId} />
      <Dialog.Root open={confirming} onOpenChange={onConfirmingChange}>
        <Dialog.Trigger>
          <Button variant="default" startIcon={<Mail aria-hidden />} fullWidth disabled={recipients === 0}>
            Versenden …
          </Button>
        </Dialog.Trigger>
        <Dialog.Content>
          <Dialog.Header>Newsletter versenden?</Dialog.Header>
          <Dialog.Body>
            <Typography variant="omega">{confirmText(title, recipients)}</Typography>
          </Dialog.Body>
          <Dialog.Footer>
            <Dialog.Cancel>
              <Button variant="tertiary" fullWidth>
                Abbrechen
              </Button>
            </Dialog.Cancel>
            <Dialog.Action>
              <Button variant="default" fullWidth onClick={onSend}>
                Jetzt an {recipients} versenden
              </Button>
            </Dialog.Action>
          </Dialog.Footer>
        </Dialog.Content>
      </Dialog.Root>
      <Typography variant="pi" textColor="neutral600">
        {recipients
          ? `Geht an ${recipientsText(recipients)}.`
          : 'Es gibt noch keine bestätigten Abonnentinnen und Abonnenten.'}
      </Typography>
    </Flex>
  );
}

/** Side panel of a newsletter issue's edit view: test mail, the send to all confirmed subscribers, and its progress. */
export function NewsletterSendPanel(props: PanelProps) {
  const { post } = useFetchClient();
  const documentId = props.model === NEWSLETTER_UID ? props.documentId : undefined;
  const { data, failed, reload } = useIssueDispatch(documentId);
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  if (!documentId) return null;
  const published =
    Boolean(props.document?.publishedAt) || Boolean(props.meta?.availableStatus?.some((v) => v.publishedAt));
  const title = typeof props.document?.title === 'string' ? props.document.title : 'diese Ausgabe';

  const send = async () => {
    if (!data) return;
    setNotice(null);
    try {
      await post(issueDispatchPath(documentId), { expectedRecipients: data.recipients });
      setNotice({ tone: 'success', text: 'Der Versand hat begonnen.' });
    } catch (error) {
      setNotice({ tone: 'danger', text: errorMessage(error, 'Der Versand konnte nicht gestartet werden.') });
    } finally {
      setConfirming(false);
      void reload();
    }
  };

  let content;
  if (!data)
    content = (
      <Typography variant="omega">
        {failed ? 'Der Versandstatus konnte nicht geladen werden.' : 'Versandstatus wird geladen …'}
      </Typography>
    );
  else if (data.state !== 'none') content = <DispatchProgress dispatch={data} />;
  else if (!published)
    content = (
      <Typography variant="omega">Versenden lässt sich eine Ausgabe, sobald sie veröffentlicht ist.</Typography>
    );
  else
    content = (
      <SendControls
        documentId={documentId}
        title={title}
        recipients={data.recipients}
        confirming={confirming}
        onConfirmingChange={setConfirming}
        onSend={() => void send()}
      />
    );
  return {
    title: 'Versand',
    content: (
      <Flex direction="column" alignItems="stretch" gap={3} width="100%">
        {content}
        <NoticeBox notice={notice} />
      </Flex>
    ),
  };
}
