import { useState, type ReactNode } from 'react';
import { Button, Group, Popover, Text, type ButtonProps } from '@mantine/core';
import { useT } from '../i18n';

/** A button that asks "are you sure?" in a small popover before acting. */
export function ConfirmButton({
  children,
  question,
  onConfirm,
  loading,
  ...props
}: ButtonProps & { children: ReactNode; question: ReactNode; onConfirm: () => void }) {
  const [opened, setOpened] = useState(false);
  const t = useT();
  return (
    <Popover opened={opened} onChange={setOpened} withArrow trapFocus position="bottom-end" width={260}>
      <Popover.Target>
        <Button {...props} loading={loading} onClick={() => setOpened((o) => !o)}>
          {children}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Text size="sm" mb="sm">
          {question}
        </Text>
        <Group justify="flex-end" gap="xs">
          <Button size="xs" variant="default" onClick={() => setOpened(false)}>
            {t.common.cancel}
          </Button>
          <Button
            size="xs"
            color={props.color ?? 'red'}
            onClick={() => {
              setOpened(false);
              onConfirm();
            }}
          >
            {t.common.yes}
          </Button>
        </Group>
      </Popover.Dropdown>
    </Popover>
  );
}
