import { useNavigate } from 'react-router';
import { Paper } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { call, client, type Body } from '../../api';
import { notifySuccess } from '../../components/errors';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';
import { InstitutionForm } from './InstitutionForm';

export function NewInstitutionPage() {
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (
    <>
      <PageHeader title={t.directory.add} description={t.directory.addDescription} />
      <Paper withBorder p="md" maw={760}>
        <InstitutionForm
          submitLabel={t.common.save}
          save={(values) => call(client.POST('/api/institutions', { body: values as Body<'/api/institutions', 'post'> }))}
          onSaved={(saved) => {
            notifySuccess(t.directory.created(saved.name));
            void queryClient.invalidateQueries({ queryKey: ['institutions'] });
            void navigate(`/directory/${saved.id}`);
          }}
          onCancel={() => navigate('/directory')}
        />
      </Paper>
    </>
  );
}
