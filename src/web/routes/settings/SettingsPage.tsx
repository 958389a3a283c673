import { Loader } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { call, client } from '../../api';
import { ErrorAlert } from '../../components/errors';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';
import { SettingsForm, settingsKey } from './SettingsForm';

/** Organisation settings (administrators): the letterhead and rupiah style the documents print. */
export function SettingsPage() {
  const t = useT();
  const settings = useQuery({ queryKey: settingsKey, queryFn: () => call(client.GET('/api/settings/organisation')) });
  return (
    <>
      <PageHeader title={t.settings.title} description={t.settings.description} />
      <ErrorAlert error={settings.error} />
      {settings.isLoading ? <Loader size="sm" role="status" aria-label={t.common.loading} /> : null}
      {/* Mounted once the saved values are known, so they are the form's starting point. */}
      {settings.data ? <SettingsForm initial={settings.data} /> : null}
    </>
  );
}
