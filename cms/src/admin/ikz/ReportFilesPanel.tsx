import { useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { fileSizeText, reportFilePath, reportFilesOf, type PanelFile } from '../../lib/report-files';

interface PanelProps {
  model: string;
  document?: Record<string, unknown>;
}

/** Downloads one file through the admin route (the media library's /uploads/ link is held back until published). */
function DownloadButton({ file }: { file: PanelFile }) {
  const { get } = useFetchClient();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const download = async () => {
    setBusy(true);
    setFailed(false);
    try {
      const { data } = await get<Blob>(reportFilePath(file.id), { responseType: 'blob' });
      const url = URL.createObjectURL(data);
      const link = Object.assign(document.createElement('a'), { href: url, download: file.name });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Flex direction="column" alignItems="stretch" gap={1} width="100%">
      <Button
        variant="secondary"
        fullWidth
        startIcon={<Download aria-hidden />}
        loading={busy}
        onClick={() => void download()}
      >
        {file.name}
      </Button>
      {file.size !== null && (
        <Typography variant="pi" textColor="neutral600">
          PDF, {fileSizeText(file.size)}
        </Typography>
      )}
      {failed && (
        <Box role="alert">
          <Typography variant="pi" textColor="danger700">
            Die Datei konnte nicht geladen werden.
          </Typography>
        </Box>
      )}
    </Flex>
  );
}

/** Side panel of a submission's (and a report document's) edit view: the PDFs the municipality sent. */
export function ReportFilesPanel({ model, document: entry }: PanelProps) {
  const files = reportFilesOf(model, entry);
  if (!files.length) return null;
  return {
    title: 'Unterlagen aus der Meldung',
    content: (
      <Flex direction="column" alignItems="stretch" gap={3} width="100%">
        {files.map((file) => (
          <DownloadButton key={file.id} file={file} />
        ))}
        <Typography variant="pi" textColor="neutral600">
          Nur für die Redaktion: Auf der Website und über die Programmierschnittstelle sind die Dateien erst nach dem
          Veröffentlichen abrufbar.
        </Typography>
      </Flex>
    ),
  };
}
