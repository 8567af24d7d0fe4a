import { Button } from '@mantine/core';
import { IconMoodEmpty } from './icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { EmptyState } from './EmptyState';

export function NotFoundPage({ title, children }: { title?: string; children?: string }) {
  const { t } = useTranslation();
  return (
    <EmptyState icon={<IconMoodEmpty size={24} />} title={title ?? t('common.notFound.title')}>
      <>
        {children ?? t('common.notFound.text')}
        <br />
        <Button component={Link} to="/orders" variant="light" size="xs" mt="md">
          {t('common.backToOrders')}
        </Button>
      </>
    </EmptyState>
  );
}
