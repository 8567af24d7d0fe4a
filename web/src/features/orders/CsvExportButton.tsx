import { Button } from '@mantine/core';
import { IconDownload } from '../../components/icons';
import { ordersCsvUrl, type OrderFilters } from '../../api/orders';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/SessionContext';

export function CsvExportButton({ filters }: { filters: OrderFilters }) {
  const { t } = useTranslation();
  const { me } = useSession();
  return (
    <Button
      component="a"
      href={ordersCsvUrl(me.organisation.slug, filters)}
      download
      variant="default"
      leftSection={<IconDownload size={16} />}
    >
      {t('orders.exportCsv')}
    </Button>
  );
}
