import { Button, Card, Collapse, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { Minutes } from '../../../shared/schemas/minutes';
import { useMinutesT } from './i18n';

/** Who came, from the meeting's check-ins: the count per institution category and, folded, the list of names. */
export function AttendanceCard({ attendance }: { attendance: Minutes['attendance'] }) {
  const t = useMinutesT().minutes;
  const [open, setOpen] = useState(false);
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={3} size="h4">
          {t.attendance}
        </Title>
        {attendance.total === 0 ? (
          <Text c="dimmed">{t.noAttendance}</Text>
        ) : (
          <>
            <Text fw={500} data-testid="attendance-total">
              {t.attendanceTotal(attendance.total)}
            </Text>
            <Table aria-label={t.categoryTable} striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t.colCategory}</Table.Th>
                  <Table.Th ta="right">{t.colCount}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {attendance.byCategory.map((c) => (
                  <Table.Tr key={c.category}>
                    <Table.Td>{c.label}</Table.Td>
                    <Table.Td ta="right">{c.count}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Button variant="subtle" size="xs" onClick={() => setOpen((o) => !o)} aria-expanded={open} style={{ alignSelf: 'flex-start' }}>
              {t.attendeesShow(attendance.attendees.length)}
            </Button>
            <Collapse in={open}>
              <Table.ScrollContainer minWidth={320}>
                <Table aria-label={t.attendeesTable}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t.colName}</Table.Th>
                      <Table.Th>{t.colPosition}</Table.Th>
                      <Table.Th>{t.colInstitution}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {attendance.attendees.map((a, i) => (
                      <Table.Tr key={i}>
                        <Table.Td>{a.name}</Table.Td>
                        <Table.Td>{a.position ?? '-'}</Table.Td>
                        <Table.Td>{a.institution ?? '-'}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Collapse>
          </>
        )}
      </Stack>
    </Card>
  );
}
