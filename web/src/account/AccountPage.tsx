import { Stack, Title } from '@mantine/core';
import { useMe } from '../api/me.ts';
import { PasswordSection } from './PasswordSection.tsx';
import { ProfileSection } from './ProfileSection.tsx';
import { SessionsSection } from './SessionsSection.tsx';
import { TwoFactorSection } from './TwoFactorSection.tsx';

/** The person's own account: name, password, two-factor sign-in and sessions. */
export default function AccountPage() {
  const me = useMe().data;
  if (!me) return null;
  return (
    <Stack maw={760}>
      <Title order={1} size="h2">
        My account
      </Title>
      <ProfileSection me={me} />
      <PasswordSection />
      <TwoFactorSection enabled={me.twoFactorEnabled} />
      <SessionsSection />
    </Stack>
  );
}
