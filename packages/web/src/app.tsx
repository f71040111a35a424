import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { RequireAction, RequireSession } from './components/require-session';
import { Loading, NotFound } from './components/status';
import { AuditPage } from './pages/audit';
import { CasePage } from './pages/case';
import { CasesPage } from './pages/cases';
import { ComplaintPage } from './pages/complaints-detail';
import { ComplaintsPage } from './pages/complaints';
import { CriminalCasePage } from './pages/criminal-case';
import { CriminalCasesPage } from './pages/criminal-cases';
import { HomePage } from './pages/home';
import { LinkagePage } from './pages/linkage';
import { LoginPage } from './pages/login';
import { OperationPage } from './pages/operation';
import { OperationsPage } from './pages/operations';
import { PeoplePage } from './pages/people';
import { PersonPage } from './pages/person';
import { PublicStatisticsPage } from './pages/public-statistics';
import { ReportCorruptionPage } from './pages/report-corruption';
import { RegisterPage } from './pages/register';
import { RegisterRecordPage } from './pages/register-record';
import { RegistersPage } from './pages/registers';
import { ResetPasswordPage } from './pages/reset-password';
import { ScreeningPage } from './pages/screening';
import { StatisticsPage } from './pages/statistics';
import { StatisticsApprovalsPage } from './pages/statistics-approvals';
import { StatisticsDashboardPage } from './pages/statistics-dashboard';
import { StatisticsSnapshotPage } from './pages/statistics-snapshot';
import { UsersPage } from './pages/users';
import { createQueryClient, useConfig } from './queries';

const queryClient = createQueryClient();

/** The protection and prosecution screens: each path and the action it needs (the server checks each record too). */
const PAGES: readonly { path: string; action: string | readonly string[]; page: ReactNode }[] = [
  { path: 'people', action: 'person.read', page: <PeoplePage /> },
  { path: 'people/:id', action: 'person.read', page: <PersonPage /> },
  { path: 'screening', action: 'screening.write', page: <ScreeningPage /> },
  { path: 'cases', action: 'case.read', page: <CasesPage /> },
  { path: 'cases/:id', action: 'case.read', page: <CasePage /> },
  { path: 'criminal-cases', action: 'criminal_case.read', page: <CriminalCasesPage /> },
  { path: 'criminal-cases/:id', action: 'criminal_case.read', page: <CriminalCasePage /> },
  { path: 'operations', action: 'operation.read', page: <OperationsPage /> },
  { path: 'operations/:id', action: 'operation.read', page: <OperationPage /> },
  { path: 'registers', action: 'register.read', page: <RegistersPage /> },
  { path: 'registers/:register', action: 'register.read', page: <RegisterPage /> },
  { path: 'registers/:register/:id', action: 'register.read', page: <RegisterRecordPage /> },
  { path: 'complaints', action: 'complaint.read', page: <ComplaintsPage /> },
  { path: 'complaints/:id', action: 'complaint.read', page: <ComplaintPage /> },
  { path: 'linkage', action: 'linkage.review', page: <LinkagePage /> },
  { path: 'statistics', action: 'stats.read', page: <StatisticsPage /> },
  { path: 'statistics/dashboard', action: 'stats.read', page: <StatisticsDashboardPage /> },
  { path: 'statistics/approvals', action: 'stats.read', page: <StatisticsApprovalsPage /> },
  { path: 'statistics/approvals/:id', action: 'stats.read', page: <StatisticsSnapshotPage /> },
  { path: 'audit', action: ['audit.read', 'audit.verify', 'breakglass.review'], page: <AuditPage /> },
];

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <ConfigGate>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route path="/reset-password" element={<ResetPasswordPage />} />
            <Route path="/report-corruption" element={<ReportCorruptionPage />} />
            <Route path="/public/statistics" element={<PublicStatisticsPage />} />
            <Route element={<RequireSession />}>
              <Route index element={<HomePage />} />
              <Route
                path="users"
                element={
                  <RequireAction action="user.read">
                    <UsersPage />
                  </RequireAction>
                }
              />
              {PAGES.map(({ path, action, page }) => (
                <Route key={path} path={path} element={<RequireAction action={action}>{page}</RequireAction>} />
              ))}
              <Route path="*" element={<NotFound />} />
            </Route>
          </Routes>
        </ConfigGate>
      </BrowserRouter>
    </QueryClientProvider>
  );
}

/**
 * Waits for /api/config/public, which also sets the default language (the country's first), so
 * the first screen appears in the right language. If the config cannot load, the app still runs.
 */
function ConfigGate({ children }: { children: ReactNode }) {
  const config = useConfig();
  return config.isPending ? <Loading /> : children;
}
