import { Button, Center, Loader, Stack } from '@mantine/core';
import { Suspense, lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { actingRole, useMe } from '../api/me.ts';
import { ForgotPasswordPage } from '../auth/ForgotPasswordPage.tsx';
import { SignInPage } from '../auth/SignInPage.tsx';
import { loadUsersPage } from '../users/users-query.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { homePath } from './nav.ts';
import { Shell } from './Shell.tsx';

const AccountPage = lazy(() => import('../account/AccountPage.tsx'));
const UsersPage = lazy(loadUsersPage);
const UserDetailPage = lazy(() => import('../users/UserDetailPage.tsx'));
const GroupsPage = lazy(() => import('../groups/GroupsPage.tsx'));
const GroupDetailPage = lazy(() => import('../groups/GroupDetailPage.tsx'));
const TokensPage = lazy(() => import('../tokens/TokensPage.tsx'));
const AttributesPage = lazy(() => import('../attributes/AttributesPage.tsx'));
const InvitesPage = lazy(() => import('../invites/InvitesPage.tsx'));
const AuditPage = lazy(() => import('../audit/AuditPage.tsx'));
const WorkspacesPage = lazy(() => import('../workspaces/WorkspacesPage.tsx'));
const AppsPage = lazy(() => import('../apps/AppsPage.tsx'));
const AppDetailPage = lazy(() => import('../apps/AppDetailPage.tsx'));
const ResourcesPage = lazy(() => import('../resources/ResourcesPage.tsx'));
const ResourceDetailPage = lazy(() => import('../resources/ResourceDetailPage.tsx'));
const EnvironmentsPage = lazy(() => import('../environments/EnvironmentsPage.tsx'));
const PermissionsPage = lazy(() => import('../permissions/PermissionsPage.tsx'));
const ScimPage = lazy(() => import('../scim/ScimPage.tsx'));
const SsoPage = lazy(() => import('../sso/SsoPage.tsx'));

function PageLoader() {
  return (
    <Center py="xl">
      <Loader size="sm" aria-label="Loading" />
    </Center>
  );
}

/** Signed out: the sign-in pages at any path (so a link survives signing in). Signed in: the console. */
export function App() {
  const me = useMe();
  if (me.isPending) {
    return (
      <Center mih="100vh">
        <Loader aria-label="Loading" />
      </Center>
    );
  }
  if (me.isError) {
    return (
      <Center mih="100vh" p="md" component="main">
        <Stack>
          <ErrorAlert error={me.error} title="The console cannot reach the server" />
          <Button onClick={() => void me.refetch()}>Try again</Button>
        </Stack>
      </Center>
    );
  }
  if (!me.data) {
    return (
      <Routes>
        <Route path="/forgot-password" element={<ForgotPasswordPage />} />
        <Route path="*" element={<SignInPage />} />
      </Routes>
    );
  }
  const role = actingRole(me.data);
  const staff = role === 'admin' || role === 'builder';
  return (
    <Shell me={me.data}>
      <Suspense fallback={<PageLoader />}>
        <Routes>
          <Route path="/" element={<Navigate to={homePath(role)} replace />} />
          <Route path="/forgot-password" element={<Navigate to="/" replace />} />
          <Route path="/account" element={<AccountPage />} />
          {staff && <Route path="/users" element={<UsersPage />} />}
          {staff && <Route path="/users/:userId" element={<UserDetailPage />} />}
          {staff && <Route path="/groups" element={<GroupsPage />} />}
          {staff && <Route path="/groups/:groupId" element={<GroupDetailPage />} />}
          {staff && <Route path="/attributes" element={<AttributesPage />} />}
          {staff && <Route path="/apps" element={<AppsPage />} />}
          {staff && <Route path="/apps/:appId" element={<AppDetailPage />} />}
          {staff && <Route path="/resources" element={<ResourcesPage />} />}
          {staff && <Route path="/resources/:resourceId" element={<ResourceDetailPage />} />}
          {staff && <Route path="/environments" element={<EnvironmentsPage />} />}
          {role === 'admin' && <Route path="/invites" element={<InvitesPage />} />}
          {role === 'admin' && <Route path="/tokens" element={<TokensPage />} />}
          {role === 'admin' && <Route path="/audit" element={<AuditPage />} />}
          {role === 'admin' && <Route path="/permissions" element={<PermissionsPage />} />}
          {role === 'admin' && <Route path="/sso" element={<SsoPage />} />}
          {role === 'admin' && <Route path="/scim-provisioning" element={<ScimPage />} />}
          {me.data.instanceAdmin && <Route path="/workspaces" element={<WorkspacesPage />} />}
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </Shell>
  );
}
