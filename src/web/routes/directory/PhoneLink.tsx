import { Anchor, Group } from '@mantine/core';
import { displayPhone } from '../../../shared/phoneDisplay';
import { useT } from '../../i18n';

/**
 * A stored phone number as people read it ("+62 812 3456 7890"), a call link, and for a mobile number a
 * WhatsApp link (wa.me). `plain` gives the text only, for places already inside a link (cards).
 */
export function PhoneLink({ value, plain = false }: { value: string | null | undefined; plain?: boolean }) {
  const t = useT();
  const phone = displayPhone(value);
  if (!phone) return null;
  if (plain || !phone.telUri) return <span data-phone>{phone.international}</span>;
  return (
    <Group gap={6} wrap="nowrap" component="span" display="inline-flex">
      <Anchor href={phone.telUri} size="sm" data-phone>
        {phone.international}
      </Anchor>
      {phone.whatsappUrl ? (
        <Anchor
          href={phone.whatsappUrl}
          target="_blank"
          rel="noopener noreferrer"
          size="xs"
          c="green.8"
          aria-label={t.directory.whatsappOf(phone.international)}
        >
          {t.directory.whatsapp}
        </Anchor>
      ) : null}
    </Group>
  );
}
