import { SegmentedControl } from '@mantine/core';
import { setLang, useLang, useT, type Lang } from '../i18n';

export function LanguageSwitch() {
  const lang = useLang();
  const t = useT();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t.common.language}
      value={lang}
      onChange={(v) => setLang(v as Lang)}
      data={[
        { value: 'id', label: 'ID' },
        { value: 'en', label: 'EN' },
      ]}
    />
  );
}
