import { parsePhoneNumberFromString } from 'libphonenumber-js';

export type PhoneDisplay = {
  /** As stored, E.164 ("+6281234567890"). */
  e164: string;
  /** Grouped for reading: "+62 812 3456 7890", "+62 751 72590". */
  international: string;
  /** As written at home: "0812-3456-7890", "(0751) 72590". */
  national: string;
  /** tel: link for calling. */
  telUri: string;
  /** https://wa.me/<digits> for a mobile number (WhatsApp runs on mobiles), else null. */
  whatsappUrl: string | null;
};

/**
 * How a stored phone number is shown to people: grouped, with a call link and, for an Indonesian mobile
 * number (+62 8...), a WhatsApp link. Text that is not a valid number is returned as is, without links.
 */
export function displayPhone(value: string | null | undefined): PhoneDisplay | null {
  if (!value) return null;
  const phone = parsePhoneNumberFromString(value, 'ID');
  if (!phone || !phone.isValid()) return { e164: value, international: value, national: value, telUri: '', whatsappUrl: null };
  const mobile = phone.countryCallingCode === '62' && phone.nationalNumber.startsWith('8');
  return {
    e164: phone.number,
    international: phone.formatInternational(),
    national: phone.formatNational(),
    telUri: phone.getURI(),
    whatsappUrl: mobile ? `https://wa.me/${phone.number.replace(/\D/g, '')}` : null,
  };
}

/** "+62 812 3456 7890" for a stored "+6281234567890"; '' for none. */
export function formatPhone(value: string | null | undefined): string {
  return displayPhone(value)?.international ?? '';
}
