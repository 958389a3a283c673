import { useState } from 'react';
import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { call, client } from '../api';
import { useT } from '../i18n';

/**
 * Searchable institution picker that asks the server (20 at a time) instead of loading the whole
 * directory. `selectedLabel` names the current value when it is not among the results.
 */
export function InstitutionSelect({
  value,
  onChange,
  selectedLabel,
  ...props
}: Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: string | null;
  onChange: (id: string | null) => void;
  selectedLabel?: string | null;
}) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const [labels, setLabels] = useState<Record<string, string>>({});
  const { data, isFetching } = useQuery({
    queryKey: ['institutions', 'options', q],
    queryFn: () => call(client.GET('/api/institutions', { params: { query: { q, limit: 20 } } })),
    staleTime: 30_000,
  });
  const options = (data?.items ?? []).map((i) => ({ value: i.id, label: i.name }));
  const selectedName = value ? (labels[value] ?? selectedLabel) : null;
  if (value && selectedName && !options.some((o) => o.value === value)) options.unshift({ value, label: selectedName });
  return (
    <Select
      searchable
      clearable
      nothingFoundMessage={isFetching ? t.common.loading : t.common.nothingFound}
      {...props}
      data={options}
      value={value}
      filter={({ options: o }) => o}
      onSearchChange={setSearch}
      onChange={(id, option) => {
        if (id && option) setLabels((l) => ({ ...l, [id]: option.label }));
        onChange(id);
      }}
    />
  );
}
