import { Tabs } from '@mantine/core';
import { Navigate, useLocation, useNavigate, useParams } from 'react-router-dom';
import { IconChartBar, IconScale } from '../../components/icons';
import { Page } from '../../components/Page';
import { PageHeader } from '../../components/PageHeader';
import { RoleGate } from '../../components/RoleGate';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useSession } from '../auth/SessionContext';
import { useTranslation } from 'react-i18next';

import { ReconciliationView } from './ReconciliationView';
import { RevenueReportView } from './RevenueReportView';

export function ReportsPage() {
  const { report = '' } = useParams();
  const { t } = useTranslation();
  const { me, can } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const reconciliation = can('reports.reconciliation');
  useDocumentTitle(report === 'reconciliation' ? t('reports.tabs.reconciliation') : t('reports.tabs.revenue'));

  if (report !== 'revenue' && report !== 'reconciliation') return <Navigate to="/reports/revenue" replace />;

  function open(next: string | null) {
    // Keep the period when switching between the reports.
    const params = new URLSearchParams(location.search);
    params.delete('group_by');
    params.delete('provider');
    const search = params.toString();
    navigate(`/reports/${next}${search ? `?${search}` : ''}`);
  }

  return (
    <Page>
      <PageHeader
        title={t('reports.title')}
        description={t('reports.description', { timeZone: me.organisation.time_zone })}
      />
      <Tabs value={report} onChange={open} mb="lg" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="revenue" leftSection={<IconChartBar size={16} />}>
            {t('reports.tabs.revenue')}
          </Tabs.Tab>
          {reconciliation && (
            <Tabs.Tab value="reconciliation" leftSection={<IconScale size={16} />}>
              {t('reports.tabs.reconciliation')}
            </Tabs.Tab>
          )}
        </Tabs.List>
      </Tabs>
      {report === 'revenue' ? (
        <RevenueReportView />
      ) : (
        <RoleGate permission="reports.reconciliation">
          <ReconciliationView />
        </RoleGate>
      )}
    </Page>
  );
}
