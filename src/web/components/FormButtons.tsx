import { Button, Group } from '@mantine/core';
import { useT } from '../i18n';

/** Cancel and submit at the foot of a form; the submit label defaults to "Simpan". */
export function FormButtons({ onCancel, saving, submitLabel }: { onCancel?: () => void; saving: boolean; submitLabel?: string }) {
  const t = useT();
  return (
    <Group justify="flex-end">
      {onCancel ? (
        <Button variant="default" onClick={onCancel}>
          {t.common.cancel}
        </Button>
      ) : null}
      <Button type="submit" loading={saving}>
        {submitLabel ?? t.common.save}
      </Button>
    </Group>
  );
}
