import { useNavigate } from 'react-router';
import { Paper } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';
import { notifySuccess } from '../../components/errors';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';
import { InstitutionForm } from './InstitutionForm';
import type { InstitutionDetail } from './types';

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
          save={(values) => api.post<InstitutionDetail>('/institutions', values)}
          onSaved={(saved) => {
            notifySuccess(t.directory.created(saved.name));
            queryClient.invalidateQueries({ queryKey: ['institutions'] });
            navigate(`/directory/${saved.id}`);
          }}
          onCancel={() => navigate('/directory')}
        />
      </Paper>
    </>
  );
}
