import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { Avatar, Group, Text, UnstyledButton } from '@mantine/core';

function initials(name: string) {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

type Props = { name: string; label: string } & Omit<ComponentPropsWithoutRef<'button'>, 'color' | 'style'>;

/** The header's user button (initials and name); the same before and after the menu's code has loaded. */
export const UserMenuButton = forwardRef<HTMLButtonElement, Props>(function UserMenuButton({ name, label, ...rest }, ref) {
  return (
    <UnstyledButton ref={ref} aria-label={label} aria-haspopup="menu" {...rest}>
      <Group gap={6} wrap="nowrap">
        <Avatar size="sm" color="teal" radius="xl">
          {initials(name)}
        </Avatar>
        <Text size="sm" visibleFrom="sm" maw={180} truncate>
          {name}
        </Text>
      </Group>
    </UnstyledButton>
  );
});
