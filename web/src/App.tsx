import { useEffect } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { setUnauthenticatedHandler } from './api/client';
import { LoginPage } from './features/auth/LoginPage';
import { RequireSession, loginPathFor } from './features/auth/RequireSession';
import { AppLayout } from './features/layout/AppLayout';
import { OrdersPage } from './features/orders/OrdersPage';
import { OrderDetailPage } from './features/order-detail/OrderDetailPage';
import { PersonalisationPage } from './features/personalisation/PersonalisationPage';
import { CustomerPersonalisationPage } from './features/personalisation/CustomerPersonalisationPage';
import { ImportPage } from './features/imports/ImportPage';
import { NotFoundPage } from './components/NotFoundPage';

function useSessionExpiryRedirect() {
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  useEffect(() => {
    setUnauthenticatedHandler(() => {
      if (window.location.pathname.startsWith('/login') || window.location.pathname.startsWith('/p/')) return;
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
      <Route element={<RequireSession />}>
        <Route element={<AppLayout />}>
          <Route index element={<Navigate to="/orders" replace />} />
          <Route path="/orders" element={<OrdersPage />} />
          <Route path="/orders/:number" element={<OrderDetailPage />} />
          <Route path="/orders/:number/personalisation" element={<PersonalisationPage />} />
          <Route path="/imports" element={<ImportPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
