import { Link, useNavigate } from 'react-router';
import { Menu } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call, client } from '../api';
import { resetSession } from '../session';
import { useT } from '../i18n';
import { UserMenuButton } from './UserMenuButton';

/**
 * The user menu itself (Mantine's Menu, which brings Popover and Floating UI, ~15 KB compressed): loaded by
 * AppLayout's UserMenu on the first click (or hover, focus) of its button, so it is not in the first load. Opens at once.
 */
export function UserMenuDropdown({ name, email }: { name: string; email: string }) {
  const t = useT();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const logout = useMutation({
    mutationFn: () => call(client.POST('/api/auth/logout')),
    onSettled: () => {
      resetSession(queryClient);
      void navigate('/login', { replace: true });
    },
  });
  return (
    <Menu position="bottom-end" withArrow defaultOpened>
      <Menu.Target>
        <UserMenuButton name={name} label={t.common.userMenu} />
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{email}</Menu.Label>
        <Menu.Item component={Link} to="/account">
          {t.common.nav.account}
        </Menu.Item>
        <Menu.Item color="red" onClick={() => logout.mutate()}>
          {t.common.logout}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
