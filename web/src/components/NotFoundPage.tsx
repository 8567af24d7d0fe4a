import { Button } from '@mantine/core';
import { IconMoodEmpty } from './icons';
import { Link } from 'react-router-dom';
import { EmptyState } from './EmptyState';

export function NotFoundPage({ title = 'Page not found', children }: { title?: string; children?: string }) {
  return (
    <EmptyState icon={<IconMoodEmpty size={24} />} title={title}>
      <>
        {children ?? 'The address may be mistyped, or the item belongs to another organisation.'}
        <br />
        <Button component={Link} to="/orders" variant="light" size="xs" mt="md">
          Back to orders
        </Button>
      </>
    </EmptyState>
  );
}
