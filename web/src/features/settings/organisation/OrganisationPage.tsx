import { Divider, Skeleton, Stack } from '@mantine/core';
import { useOrganisationQuery } from '../../../api/organisation';
import { ErrorState } from '../../../components/ErrorState';
import { Page } from '../../../components/Page';
import { PageHeader } from '../../../components/PageHeader';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { EmailTemplatesSection } from './EmailTemplatesSection';
import { useTranslation } from 'react-i18next';

import { GeneralSection, RefundPolicySection, SenderSection } from './OrganisationSections';

export function OrganisationPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('organisation.title'));
  const organisation = useOrganisationQuery();
  return (
    <Page maw={1100}>
      <PageHeader title={t('organisation.title')} description={t('organisation.description')} />
      {organisation.isPending ? (
        <Stack gap="lg">
          <Skeleton height={220} />
          <Skeleton height={160} />
        </Stack>
      ) : organisation.isError ? (
        <ErrorState error={organisation.error} onRetry={() => organisation.refetch()} />
      ) : (
        <Stack gap="xl">
          <GeneralSection organisation={organisation.data} />
          <Divider />
          <SenderSection organisation={organisation.data} />
          <Divider />
          <RefundPolicySection organisation={organisation.data} />
          <Divider />
          <EmailTemplatesSection organisation={organisation.data} />
        </Stack>
      )}
    </Page>
  );
}
