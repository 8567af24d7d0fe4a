import { useEffect } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { setUnauthenticatedHandler } from './api/client';
import { LoginPage } from './features/auth/LoginPage';
import { AcceptInvitationPage } from './features/auth/AcceptInvitationPage';
import { RequireSession, loginPathFor } from './features/auth/RequireSession';
import { AppLayout } from './features/layout/AppLayout';
import { OrdersPage } from './features/orders/OrdersPage';
import { OrderDetailPage } from './features/order-detail/OrderDetailPage';
import { PersonalisationPage } from './features/personalisation/PersonalisationPage';
import { CustomerPersonalisationPage } from './features/personalisation/CustomerPersonalisationPage';
import { ImportPage } from './features/imports/ImportPage';
import { NotFoundPage } from './components/NotFoundPage';
import { RoleGate } from './components/RoleGate';
import { EventsPage } from './features/settings/events/EventsPage';
import { EventPage } from './features/settings/events/EventPage';
import { OrganisationPage } from './features/settings/organisation/OrganisationPage';
import { UsersPage } from './features/settings/users/UsersPage';
import { TokensPage } from './features/settings/tokens/TokensPage';
import { AuditLogPage } from './features/settings/audit/AuditLogPage';
import { AccountPage } from './features/account/AccountPage';
import { ReportsPage } from './features/reports/ReportsPage';

function useSessionExpiryRedirect() {
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  useEffect(() => {
    setUnauthenticatedHandler(() => {
      const path = window.location.pathname;
      if (path.startsWith('/login') || path.startsWith('/p/') || path.startsWith('/invite/')) return;
      queryClient.clear();
      navigate(loginPathFor(window.location), { replace: true });
    });
    return () => setUnauthenticatedHandler(null);
  }, [navigate, queryClient, location.key]);
}

export function App() {
  useSessionExpiryRedirect();
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/p/:token" element={<CustomerPersonalisationPage />} />
      <Route path="/invite/:token" element={<AcceptInvitationPage />} />
      <Route element={<RequireSession />}>
        <Route element={<AppLayout />}>
          <Route index element={<Navigate to="/orders" replace />} />
          <Route path="/orders" element={<OrdersPage />} />
          <Route path="/orders/:number" element={<OrderDetailPage />} />
          <Route path="/orders/:number/personalisation" element={<PersonalisationPage />} />
          <Route path="/imports" element={<RoleGate permission="imports"><ImportPage /></RoleGate>} />
          <Route path="/settings" element={<Navigate to="/settings/events" replace />} />
          <Route path="/settings/events" element={<RoleGate permission="settings.events"><EventsPage /></RoleGate>} />
          <Route path="/settings/events/:id" element={<RoleGate permission="settings.events"><EventPage /></RoleGate>} />
          <Route path="/settings/organisation" element={<RoleGate permission="settings.organisation"><OrganisationPage /></RoleGate>} />
          <Route path="/settings/users" element={<RoleGate permission="settings.users"><UsersPage /></RoleGate>} />
          <Route path="/settings/tokens" element={<RoleGate permission="settings.tokens"><TokensPage /></RoleGate>} />
          <Route path="/settings/audit-log" element={<RoleGate permission="settings.audit_log"><AuditLogPage /></RoleGate>} />
          <Route path="/account" element={<AccountPage />} />
          <Route path="/reports" element={<Navigate to="/reports/revenue" replace />} />
          <Route path="/reports/:report" element={<ReportsPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
