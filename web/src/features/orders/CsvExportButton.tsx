import { useState, type MouseEvent } from 'react';
import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '../../components/icons';
import { apiResponse } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { ordersCsvUrl, type OrderFilters } from '../../api/orders';

/** A real link to the CSV; the click downloads it with the session's organisation header. */
export function CsvExportButton({ filters }: { filters: OrderFilters }) {
  const [busy, setBusy] = useState(false);
  const href = ordersCsvUrl(filters);

  async function download(event: MouseEvent<HTMLAnchorElement>) {
    if (event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    setBusy(true);
    try {
      const response = await apiResponse('GET', href, { headers: { Accept: 'text/csv' } });
      const blob = await response.blob();
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `orders-${new Date().toISOString().slice(0, 10)}.csv`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (cause) {
      notifications.show({ color: 'red', title: 'Export failed', message: errorMessage(cause) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Button
      component="a"
      href={href}
      onClick={download}
      variant="default"
      leftSection={<IconDownload size={16} />}
      loading={busy}
    >
      Export CSV
    </Button>
  );
}
