import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Anchor, Badge, Button, FileInput, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ColumnKey } from '../../../shared/schemas/directoryImport';
import { ApiError, upload, type Answer } from '../../api';
import { ErrorAlert } from '../../components/errors';
import { PageHeader } from '../../components/PageHeader';
import { formatNumber } from '../../format';
import { useLang, useT } from '../../i18n';

/** The preview answer, as the OpenAPI document describes it. */
type Preview = Answer<'/api/directory/import/preview', 'post'>;
type Status = Preview['rows'][number]['status'];
type Filter = 'all' | Status;
const statusColor: Record<Status, string> = { new: 'teal', changed: 'yellow', unchanged: 'gray', invalid: 'red' };

/** The file's columns in template order; only those some row fills (or has a problem in) are shown. */
const columnOrder: ColumnKey[] = [
  'kind',
  'name',
  'shortName',
  'category',
  'regionCode',
  'institution',
  'email',
  'phone',
  'nip',
  'position',
  'prFunctionalLevel',
  'isMainContact',
  'website',
  'address',
];

function PreviewTable({ preview, filter }: { preview: Preview; filter: Filter }) {
  const t = useT();
  const columns = columnOrder.filter((c) => preview.rows.some((r) => r.values[c] || r.problems.some((p) => p.field === c)));
  const manySheets = new Set(preview.rows.map((r) => r.sheet)).size > 1;
  const rows = filter === 'all' ? preview.rows : preview.rows.filter((r) => r.status === filter);
  return (
    <Table.ScrollContainer minWidth={Math.max(700, columns.length * 130 + 320)}>
      <Table withTableBorder fz="sm" data-testid="import-preview" aria-label={t.importer.previewTitle(preview.fileName)}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t.importer.row}</Table.Th>
            <Table.Th miw={260}>{t.importer.problems}</Table.Th>
            {columns.map((c) => (
              <Table.Th key={c}>{t.importer.columns[c]}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => {
            const bad = new Set(r.problems.map((p) => p.field));
            const changed = new Set(r.changes.map((c) => c.field));
            return (
              <Table.Tr
                key={`${r.sheet}-${r.rowNumber}`}
                bg={r.valid ? undefined : 'red.0'}
                data-invalid={r.valid ? undefined : true}
                data-status={r.status}
              >
                <Table.Td>
                  {manySheets ? `${r.sheet} ` : ''}
                  {r.rowNumber}
                </Table.Td>
                <Table.Td>
                  {r.valid ? (
                    <Stack gap={4} align="flex-start">
                      <Badge color={statusColor[r.status]} variant="light">
                        {t.importer.status[r.status]}
                      </Badge>
                      {r.changes.map((c) => (
                        <Text key={c.field} size="xs" data-change={c.field}>
                          <b>{c.column}:</b>{' '}
                          <Text span td="line-through" c="dimmed" size="xs">
                            {c.before}
                          </Text>{' '}
                          → {c.after}
                        </Text>
                      ))}
                    </Stack>
                  ) : (
                    <Stack gap={2}>
                      {r.problems.map((p) => (
                        <Text key={p.field} size="xs" c="red.9">
                          <b>{p.column}:</b> {p.message}
                        </Text>
                      ))}
                    </Stack>
                  )}
                </Table.Td>
                {columns.map((c) => (
                  <Table.Td
                    key={c}
                    data-problem={bad.has(c) || undefined}
                    data-changed={changed.has(c) || undefined}
                    bg={bad.has(c) ? 'red.1' : changed.has(c) ? 'yellow.1' : undefined}
                    c={bad.has(c) ? 'red.9' : undefined}
                    fw={bad.has(c) || changed.has(c) ? 600 : undefined}
                  >
                    {r.values[c] ?? ''}
                  </Table.Td>
                ))}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function ImportPage() {
  const t = useT();
  const lang = useLang();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [filter, setFilter] = useState<Filter>('all');
  const preview = useMutation({ mutationFn: (f: File) => upload('/api/directory/import/preview', {}, { file: f }) });
  const run = useMutation({
    mutationFn: (mode: 'valid' | 'all') => upload('/api/directory/import', {}, { mode, file: file! }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['institutions'] }),
  });
  const choose = (f: File | null) => {
    setFile(f);
    preview.reset();
    run.reset();
    if (f) preview.mutate(f);
  };
  const p = preview.data;
  const n = (v: number) => formatNumber(v, lang);
  const fileError = preview.error instanceof ApiError ? preview.error.fields.file : undefined;

  return (
    <>
      <PageHeader
        title={t.importer.title}
        description={t.importer.description}
        actions={
          <Button component="a" href="/api/directory/import/template" download variant="default">
            {t.importer.template}
          </Button>
        }
      />
      <Paper withBorder p="md" mb="md" maw={640}>
        <FileInput
          label={t.importer.file}
          description={t.importer.fileHint}
          placeholder={t.importer.choose}
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          clearable
          value={file}
          onChange={choose}
          error={fileError}
        />
      </Paper>
      {preview.isPending ? <Text c="dimmed">{t.importer.checking}</Text> : null}
      <ErrorAlert error={preview.error} />
      {p ? (
        <Stack>
          <Group gap="xs">
            <Badge size="lg" variant="default">
              {t.importer.summaryRows(n(p.summary.rows))}
            </Badge>
            <Badge size="lg" color="teal" variant="light">
              {t.importer.summaryValid(n(p.summary.valid))}
            </Badge>
            <Badge size="lg" color={p.summary.invalid ? 'red' : 'gray'} variant="light">
              {t.importer.summaryInvalid(n(p.summary.invalid))}
            </Badge>
            <Badge size="lg" variant="outline">
              {t.importer.summaryKinds(n(p.summary.institutions), n(p.summary.officers))}
            </Badge>
            <Badge size="lg" color={statusColor.new} variant="outline">
              {t.importer.summaryNew(n(p.summary.new))}
            </Badge>
            <Badge size="lg" color={statusColor.changed} variant="outline">
              {t.importer.summaryChanged(n(p.summary.changed))}
            </Badge>
            <Badge size="lg" color={statusColor.unchanged} variant="outline">
              {t.importer.summaryUnchanged(n(p.summary.unchanged))}
            </Badge>
          </Group>
          {p.ignoredColumns.length ? <Alert color="yellow">{t.importer.ignored(p.ignoredColumns.join(', '))}</Alert> : null}
          {run.data ? (
            <Alert color="green" title={t.importer.doneTitle} role="status">
              {t.importer.done({
                institutions: n(run.data.imported.institutions),
                officers: n(run.data.imported.officers),
                updatedInstitutions: n(run.data.updated.institutions),
                updatedOfficers: n(run.data.updated.officers),
                updated: run.data.updated.institutions + run.data.updated.officers > 0,
                unchanged: n(run.data.unchanged),
                skipped: n(run.data.skipped),
              })}{' '}
              <Anchor component={Link} to="/directory">
                {t.importer.toDirectory}
              </Anchor>
            </Alert>
          ) : p.summary.valid && !p.summary.new && !p.summary.changed ? (
            <Alert color="gray" role="status">
              {t.importer.nothingToDo}
            </Alert>
          ) : (
            <Group>
              <Button
                color="teal"
                disabled={!p.summary.new && !p.summary.changed}
                loading={run.isPending && run.variables === 'valid'}
                onClick={() => run.mutate('valid')}
              >
                {t.importer.importValid}
              </Button>
              <Button variant="light" loading={run.isPending && run.variables === 'all'} onClick={() => run.mutate('all')}>
                {t.importer.importAll}
              </Button>
            </Group>
          )}
          <ErrorAlert error={run.error} />
          <Group justify="space-between">
            <Title order={4}>{t.importer.previewTitle(p.fileName)}</Title>
            <SegmentedControl
              aria-label={t.importer.show}
              value={filter}
              onChange={(v) => setFilter(v as Filter)}
              data={(['all', 'invalid', 'new', 'changed', 'unchanged'] as const).map((f) => ({ value: f, label: t.importer.filters[f] }))}
            />
          </Group>
          <PreviewTable preview={p} filter={filter} />
        </Stack>
      ) : null}
    </>
  );
}
